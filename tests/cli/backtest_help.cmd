backtest --help
