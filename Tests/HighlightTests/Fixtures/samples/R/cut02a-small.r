y = x-1
