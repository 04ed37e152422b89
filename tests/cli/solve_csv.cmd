solve tests/data/table_sultan_oil_mckibben.csv --format csv
