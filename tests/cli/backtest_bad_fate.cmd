backtest tests/data/backtest-bad
