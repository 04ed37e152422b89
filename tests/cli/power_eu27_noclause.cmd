power --game eu27_noclause --index banzhaf
