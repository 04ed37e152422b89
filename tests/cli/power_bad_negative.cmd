power --weights 3,-1,2 --quota 4
