compare examples/scenario-format-example.yaml --data /nonexistent-concert-data
