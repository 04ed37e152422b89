power --weights 5,3,2 --quota 6 --ids A,B,C --format csv
