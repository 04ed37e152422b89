derive tests/data/derive/small.yaml
