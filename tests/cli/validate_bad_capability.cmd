validate-models --capability nice data/decisions/deu3_blksv.tsv
