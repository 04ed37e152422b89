run examples/scenario-format-example.yaml --model nash --param loss=cubic
