validate tests/data/bad_table.csv
