cohesion --members USA,CHN,RUS,IND,JPN --years 1990-2019
