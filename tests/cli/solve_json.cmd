solve examples/scenario-format-example.yaml --forum F2 --model eum --param rounds=2 --format json
