y = x-1
z <- "multi
line"
