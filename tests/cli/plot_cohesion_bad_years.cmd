plot cohesion --members G7 --years 2019-2000
