backtest tests/data/no-such-record
