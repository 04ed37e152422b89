run tests/data/protocol-summit.yaml --forum S
