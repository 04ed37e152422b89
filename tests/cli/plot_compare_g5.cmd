plot compare scenarios/g5-2026.yaml
