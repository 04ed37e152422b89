backtest tests/data/backtest-mini --fit forgo_above=0.5,,1
