validate-models tests/data/deu_bad_range.tsv
