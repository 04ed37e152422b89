run tests/data/protocol-summit.yaml --forum G --format json
