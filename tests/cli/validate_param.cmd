validate-models --models eum --param eum.rounds=1 --param eum.q=0.5 --bootstrap 0 tests/data/deu_ok.tsv
