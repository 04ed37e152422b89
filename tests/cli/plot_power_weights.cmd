plot power --weights 3,2,1 --quota 4 --ids A,B,C
