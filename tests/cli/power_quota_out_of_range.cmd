power --weights 1,2,3 --quota 1e300
