power --csv data/power/power_games.csv --game-id unsc
