cohesion --members USA,CHN --issue zz
