derive --members USA,usa --year 2026
