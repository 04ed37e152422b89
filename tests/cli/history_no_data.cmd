history --years 1960-1970
