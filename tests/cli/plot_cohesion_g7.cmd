plot cohesion --members G7 --years 2000-2019 --by-year
