backtest tests/data/backtest-mini --fit chair_forgoes=true,false --fit carve_out_max=0,1 --fit-target all --format json
