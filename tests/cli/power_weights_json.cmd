power --weights 2,1,1 --quota 3 --ids A,B,C --format json
