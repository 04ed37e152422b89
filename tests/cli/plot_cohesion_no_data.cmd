plot cohesion --members G7 --years 2020-2024
