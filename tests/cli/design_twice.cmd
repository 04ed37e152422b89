design tests/data/design_tiny.yaml --candidates A,B,A --size 2
