power --weights 3,1 --quota 2.5
