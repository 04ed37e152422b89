plot calibration tests/data/backtest-mini
