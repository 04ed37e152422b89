history --years 2025-2015
