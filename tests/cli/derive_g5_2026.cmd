derive --forum G5 --year 2026
