power --weights 3,2,1 --quota 4
