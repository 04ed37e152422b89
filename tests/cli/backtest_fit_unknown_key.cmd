backtest tests/data/backtest-mini --fit nokey=0,1
