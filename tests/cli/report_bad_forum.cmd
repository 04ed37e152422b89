report scenarios/g7-kananaskis-2025.yaml --forum G9
