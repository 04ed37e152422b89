run tests/data/table_bdm1994_emission_standards_mckibben.csv --reversion 4
