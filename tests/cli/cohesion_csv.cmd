cohesion --members USA,CHN,RUS --years 1990-1991 --data tests/data/unga_tiny --format csv
