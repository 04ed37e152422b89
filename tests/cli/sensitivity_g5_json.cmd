sensitivity scenarios/g5-2026.yaml --forum G5 --format json
