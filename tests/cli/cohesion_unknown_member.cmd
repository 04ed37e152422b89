cohesion --members USA,XYZ --years 1990-2019
