power --csv data/power/power_game_players.csv --game-id eu27_rqmv_wb2024 --index shapley
