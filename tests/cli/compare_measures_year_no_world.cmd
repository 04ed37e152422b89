compare tests/data/measures_g5.yaml --year 1955 --actor CHN
