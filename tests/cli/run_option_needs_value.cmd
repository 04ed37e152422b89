run scenarios/g5-2026.yaml --forum
