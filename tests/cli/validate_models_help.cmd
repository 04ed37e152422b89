validate-models --help
