library(ggplot2)
data(mtcars)
mtcars$cyl <- factor(mtcars$cyl)
p <- ggplot(mtcars, aes(x = wt, y = mpg, colour = cyl)) +
  geom_point(size = 2.5, alpha = 0.8) +
  geom_smooth(method = "lm", se = FALSE) +
  labs(title = "Fuel economy", x = "Weight (1000 lbs)", y = "MPG") +
  theme_minimal()
ggsave("plot.png", p, width = 6, height = 4, dpi = 300)
summary(lm(mpg ~ wt + cyl, data = mtcars))
