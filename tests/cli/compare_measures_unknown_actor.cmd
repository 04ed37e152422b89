compare examples/scenario-format-example.yaml --actor ZZZ
