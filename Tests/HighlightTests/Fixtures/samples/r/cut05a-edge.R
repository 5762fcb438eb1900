x <- -1 + +2 - .5e-3 + 1e5L + 3i
y <- 'untermina