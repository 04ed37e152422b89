derive --members USA,EU,FRA --year 2024 --name "Three of the G7"
