compare examples/scenario-format-example.yaml --year 20x5
