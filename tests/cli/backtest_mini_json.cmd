backtest tests/data/backtest-mini --format json
