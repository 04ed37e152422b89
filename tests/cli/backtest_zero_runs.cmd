backtest tests/data/backtest-mini --runs 0
