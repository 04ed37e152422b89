sweep tests/data/sweep_redline.yaml -n 100 --seed 2 --format csv --threads 2
