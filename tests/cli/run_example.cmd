run examples/scenario-format-example.yaml
