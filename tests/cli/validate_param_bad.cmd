validate-models --param eum.q=2 tests/data/deu_ok.tsv
