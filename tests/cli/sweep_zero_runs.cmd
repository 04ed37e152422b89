sweep tests/data/sweep_redline.yaml -n 0
