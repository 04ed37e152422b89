derive tests/data/derive/late.yaml
