power --game unsc --index nope
