run --bogus scenarios/g5-2026.yaml -h
