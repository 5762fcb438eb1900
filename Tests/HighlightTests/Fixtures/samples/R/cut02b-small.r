y = x-1
z <- "mul