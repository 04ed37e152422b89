compare scenarios/g5-2026.yaml --forums G7,G5,G8,G2 --runs 200 --seed 1
