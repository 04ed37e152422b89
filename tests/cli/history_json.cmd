history --forum G7 --years 2018-2019 --format json
