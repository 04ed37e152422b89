history G7
