history --forum G5
