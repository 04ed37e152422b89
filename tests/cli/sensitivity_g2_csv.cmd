sensitivity scenarios/g5-2026.yaml --forum G2 --format csv
