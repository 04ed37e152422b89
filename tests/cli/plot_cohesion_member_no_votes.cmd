plot cohesion --members USA,DEU --years 1960-1965
