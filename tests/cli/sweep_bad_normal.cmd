sweep tests/data/bad_normal.yaml -n 5
