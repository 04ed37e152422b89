backtest tests/data/backtest-mini --fit chair_forgoes=true,maybe
