plot power --game unsc --weights 1,2 --quota 2
