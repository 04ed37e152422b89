validate tests/data/bad_chair.yaml
