run examples/scenario-format-example.yaml --set tolerance=nan
