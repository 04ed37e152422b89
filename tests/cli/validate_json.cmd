validate-models --models compromise,median,nash --bootstrap 200 --seed 7 --format json tests/data/deu_ok.tsv
