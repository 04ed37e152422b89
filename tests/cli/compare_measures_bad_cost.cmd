compare examples/scenario-format-example.yaml --cost -3
