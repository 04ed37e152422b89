backtest tests/data/backtest-mini --fit carve_out_max=0,x
