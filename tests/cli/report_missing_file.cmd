report tests/data/nope.yaml
