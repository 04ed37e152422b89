derive --forum G9 --year 2026
