validate-models --require-outcome tests/data/deu_ok.tsv
