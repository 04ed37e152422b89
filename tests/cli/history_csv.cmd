history --forum G20 --years 2017-2019 --format csv
