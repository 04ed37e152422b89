validate-models
