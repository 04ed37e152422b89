power --csv data/power/PROVENANCE.md --games-csv data/power/power_games.csv --game-id unsc
