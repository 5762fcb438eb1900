library(ggplot2)
data(mtcars)
mtcars$cyl <- factor(mtcars$cyl)
p <- ggplot(mtcars, aes(x = wt, y = mpg, colour = cyl)) +
  geom_po