validate tests/data/codebook_ok.yaml
