a = 0
b = 42
c = 1_000_000
d = 0x1F + 0XFF + 0o17 + 0b1010 + 0B_1
e = 3.14 + .5 + 1. + 1e10 + 1E-5 + 2.5e+3j + 10j
f = 0777 + 123L + 00 + 0_0
g = x.real, y.imag
h = a // b ** 2 >> 1 << 3 & 4 | 5 ^ ~6 % 7
a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f **= 6; g >>= 1; h <<= 2
i = a != b and a == b or not a <= b >= c < d > e
j = lambda x, y=2: x @ y
k = [1, 2, 3][::2]
l = {'a': 1, **other}
m = 12abc
