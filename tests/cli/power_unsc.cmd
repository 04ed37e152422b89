power --game unsc
