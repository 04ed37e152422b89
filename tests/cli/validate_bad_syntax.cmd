validate tests/data/bad_syntax.yaml
