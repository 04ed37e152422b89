compare examples/scenario-format-example.yaml --format json --actor BBB
