compare examples/scenario-format-example.yaml --year 999
