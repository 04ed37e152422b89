backtest tests/data/backtest-mini --fit forgo_above=0.5 --fit-target statement
