sweep tests/data/sweep_redline.yaml
