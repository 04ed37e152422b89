backtest tests/data/backtest-mini --fit forgo_above
