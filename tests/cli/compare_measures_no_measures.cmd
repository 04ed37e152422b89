compare examples/scenario-format-example.yaml --no-measures
