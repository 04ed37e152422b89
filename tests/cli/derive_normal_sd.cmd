derive tests/data/derive-normal-sd.yaml
