cohesion --members USA,CHN,RUS --years 1990-1991 --issue me --format json --data tests/data/unga_tiny
