backtest data/record
