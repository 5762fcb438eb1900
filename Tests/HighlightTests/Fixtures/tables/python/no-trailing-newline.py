def f(x):
    return x

# last