compare examples/scenario-format-example.yaml --actor AAA --cost 50
