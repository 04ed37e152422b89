run examples/scenario-format-example.yaml --forum NOPE
