backtest tests/data/backtest-mini
