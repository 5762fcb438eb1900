fib <- function(n) {
  if (n <= 1) return(n)
  fib(n - 1) + fib(n - 2)
}
vals <- vapply(0:10, fib, numeric(1))
stopifnot(identical(vals[1