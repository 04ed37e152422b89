report scenarios/g7-kananaskis-2025.yaml --members G7
