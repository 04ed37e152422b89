power --game eu27 --format json
