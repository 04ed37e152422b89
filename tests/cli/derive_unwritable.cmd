derive --forum G2 --year 2026 -o /nonexistent-concert-dir/g2.yaml
