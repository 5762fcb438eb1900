#' Compute summary statistics
#' @param x a numeric vector
summarise_data <- function(x, na.rm = TRUE, ...) {
  # remove missing values
  if (na.rm) x <- x[!is.na(x)]
  n <- length(x)
  list(mean = mean(x), sd = sd(x), n = n, range = range(x))
}

library(dplyr)
df 