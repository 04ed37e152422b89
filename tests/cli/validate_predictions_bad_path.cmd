validate-models --bootstrap 0 --predictions tests/no-such-dir/forecasts.csv tests/data/deu_ok.tsv
