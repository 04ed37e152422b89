compare tests/data/measures_g5.yaml --forums WEST --year 1995 --cost 1000 --format json
