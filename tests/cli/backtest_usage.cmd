backtest a b
