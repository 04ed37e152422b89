cohesion --members USA,DEU,FRA,GBR,ITA,JPN,CAN --years 2010-2019 --issue hr
