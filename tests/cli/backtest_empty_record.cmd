backtest tests/data/backtest-empty
