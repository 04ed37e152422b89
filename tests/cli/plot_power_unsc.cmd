plot power --game unsc
