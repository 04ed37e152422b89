sensitivity scenarios/g5-2026.yaml --format xml
