sweep tests/data/sweep_redline.yaml -n 2000 --seed 1
