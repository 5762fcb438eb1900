fib <- function(n) {
  if (n <= 1) return(n)
  fib(n - 1) + fib(n - 2)
}
vals <- vapply(0:10, fib, numeric(1))
stopifnot(identical(vals[11], 55))
tryCatch({
  warning("careful")
}, warning = function(w) {
  message("caught: ", conditionMessage(w))
}, finally = cat("done\n"))
`%+%` <- function(a, b) paste(a, b)
"x" %+% "y"
env <- new.env(); assign("k", 1L, envir = env)
x <- c(a = 1, b = 2); names(x); x[["a"]]
