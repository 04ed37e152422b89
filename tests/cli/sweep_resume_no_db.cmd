sweep tests/data/sweep_redline.yaml -n 5 --resume
