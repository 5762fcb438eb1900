s = 'unterminated
x = a' + b';
y = "dq ""escaped"" str"
z = 1e3 + 2.5E-2 + .5 + 5. + 10L
!ech