derive --members USA,CHN
