report scenarios/g7-kananaskis-2025.yaml --runs 0
