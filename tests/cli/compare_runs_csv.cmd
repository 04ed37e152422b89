compare scenarios/g5-2026.yaml --forums G7,G2 --runs 50 --seed 1 --format csv
