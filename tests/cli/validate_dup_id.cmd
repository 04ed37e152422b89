validate-models tests/data/deu_dup_id.tsv
