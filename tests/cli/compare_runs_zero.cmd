compare scenarios/g5-2026.yaml --runs 0
