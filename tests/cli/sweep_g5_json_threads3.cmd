sweep scenarios/g5-2026.yaml --forum G5 -n 50 --seed 1 --format json --threads 3
