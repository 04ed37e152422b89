validate-models --models compromise tests/data/deu_unknown_actor.tsv
