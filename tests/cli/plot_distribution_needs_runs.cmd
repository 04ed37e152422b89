plot distribution scenarios/g7-kananaskis-2025.yaml
