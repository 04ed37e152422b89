validate-models --models compromise,median --resample proposals --bootstrap 500 --seed 3 data/decisions/deu3_blksv.tsv
