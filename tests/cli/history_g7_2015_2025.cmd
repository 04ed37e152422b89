history --years 2015-2025
