sensitivity scenarios/g5-2026.yaml --forum G2 -o /nonexistent-concert-dir/s.txt
