plot cohesion --years 2000-2019
