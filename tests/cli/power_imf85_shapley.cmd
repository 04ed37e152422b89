power --game imf2016_bps_85 --index shapley
