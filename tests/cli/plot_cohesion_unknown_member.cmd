plot cohesion --members USA,XXX
