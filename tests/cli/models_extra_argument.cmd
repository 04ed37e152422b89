models extra
