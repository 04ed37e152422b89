cohesion --members G5,G7 --years 1990-2019 --issue nu
