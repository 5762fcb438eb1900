x′ = 1
y = x'
z = [1, 2]'
f(x) = x ÷ 2 ≠ 3 ≤ 4 ≥ 5
🐙 = 1
v = 1_0.5 + 0.5_1 + 1f0 + 0x_1
s = "unterminated
