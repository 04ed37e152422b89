validate-models --models compromise,median,nash data/decisions/deu3_blksv.tsv
