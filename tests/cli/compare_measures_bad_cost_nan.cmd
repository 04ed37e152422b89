compare examples/scenario-format-example.yaml --cost nan
