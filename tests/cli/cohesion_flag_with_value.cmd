cohesion --members G7 --by-year=1
