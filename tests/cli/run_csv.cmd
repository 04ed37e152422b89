run examples/scenario-format-example.yaml --format csv
