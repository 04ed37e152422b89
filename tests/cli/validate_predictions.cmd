validate-models --models compromise --bootstrap 0 --predictions /dev/stdout tests/data/deu_ok.tsv
