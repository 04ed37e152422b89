sweep scenarios/g5-2026.yaml --forum G5 -n 200 --seed 1
