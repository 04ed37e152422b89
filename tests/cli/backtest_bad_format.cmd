backtest tests/data/backtest-mini --format xml
