power --help
