compare tests/data/measures_g5.yaml --actor USA --format csv
