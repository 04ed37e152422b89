compare examples/scenario-format-example.yaml
