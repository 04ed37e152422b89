power --weights 3,nan,2 --quota 4
