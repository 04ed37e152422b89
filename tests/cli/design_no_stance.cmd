design tests/data/design_tiny.yaml --candidates A,B,C,D,E --size 2
