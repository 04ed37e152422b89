history --data tests/data/unga_tiny
