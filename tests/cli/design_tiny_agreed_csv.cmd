design tests/data/design_tiny.yaml --candidates A,B,C,D --size 2 --objective agreed --format csv --top 0
