power --game g9
