backtest tests/data/backtest-mini --fit-target all
