power --weights 3,3,2,2,1 --quota 6 --members 3 --always-win 4
