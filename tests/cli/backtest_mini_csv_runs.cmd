backtest tests/data/backtest-mini --format csv --runs 10 --threads 2
