x <- -1 + +2 - .5e-3 + 1e5L + 3i
y <- 'unterminated
z <- "escaped \" quote" ; `back tick` <- TRUE
..1; ...; .x.y <- NA_real_
if (x>1) x else -x
