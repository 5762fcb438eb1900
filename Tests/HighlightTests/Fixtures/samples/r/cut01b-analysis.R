#' Compute summary statistics
#' @param x a numeric vector
summarise_data <- function(x, na.rm = TRUE, ...) {
  # remove missing values
  if (na.rm) x <- x[!is.na(x)]
  n <- length(x)
  list(mean = mean(x), sd = sd(x), n = n, range = range(x))
}

library(dplyr)
df <- data.frame(a = 1:10, b = rnorm(10, mean = 0.5, sd = 1e-2))
df %>% filter(a > 3) %>% mutate(c = a * 2L) -> out
result <- sapply(split(df$b, df$a %% 2), summarise_data)
x <- c(1.5, -2, .5, 3e10, 0x1F, 2i, NA, NULL, Inf, NaN, NA_integer_)
for (i in seq_len(n)) { nex