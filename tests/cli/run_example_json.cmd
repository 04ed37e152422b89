run examples/scenario-format-example.yaml --format json --forum F2
