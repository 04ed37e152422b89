validate-models --format csv --bootstrap 0 tests/data/deu_ok.tsv
