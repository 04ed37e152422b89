validate-models --cv 3 --bootstrap 0 --models two-stage --format json --predictions /dev/stdout tests/data/deu_cv.tsv
