cohesion --years 1990-2019
