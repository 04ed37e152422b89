history --forum G20 --years 2017-2025
