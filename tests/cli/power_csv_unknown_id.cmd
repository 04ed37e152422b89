power --csv data/power/power_game_players.csv --game-id nosuch
