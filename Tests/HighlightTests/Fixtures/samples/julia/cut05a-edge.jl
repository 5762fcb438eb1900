x′ = 1
y = x'
z = [1, 2]'
f(x) = x 