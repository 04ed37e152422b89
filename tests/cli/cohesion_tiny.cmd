cohesion --members USA,CHN,RUS --years 1990-1991 --by-year --data tests/data/unga_tiny
