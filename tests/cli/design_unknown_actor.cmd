design tests/data/design_tiny.yaml --candidates A,B,C,X --size 2
