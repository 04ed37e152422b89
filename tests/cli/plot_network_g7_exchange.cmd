plot network scenarios/g5-2026.yaml --forum G7 --model exchange
