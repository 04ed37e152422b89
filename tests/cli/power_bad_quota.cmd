power --weights 3,1 --quota 9
