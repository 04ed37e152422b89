validate-models --models compromise --capability qmv-ssi --commission-share 0 --parliament-share 0 --bootstrap 500 data/decisions/deu3_blksv.tsv
