plot calibration tests/data/backtest-mini --runs 20 --seed 2
