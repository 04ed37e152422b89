validate-models --cv 3 --bootstrap 200 --models compromise,two-stage --resample proposals tests/data/deu_cv.tsv
