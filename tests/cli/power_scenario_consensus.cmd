power --scenario tests/data/power_forum.yaml --forum Q --format csv
