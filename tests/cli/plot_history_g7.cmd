plot history --forum G7
