design tests/data/design_tiny.yaml --candidates A,B --size 3
