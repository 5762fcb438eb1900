s = 'unterminated
x = a' + b';
y = "dq ""escap