design tests/data/design_tiny.yaml --candidates A,B,C,D --size 2 --top 0
