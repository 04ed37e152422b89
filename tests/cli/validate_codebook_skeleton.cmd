validate tests/data/codebook_skeleton.yaml
