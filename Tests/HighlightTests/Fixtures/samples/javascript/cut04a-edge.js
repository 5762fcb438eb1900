let π = Math.PI, café = "é", $el = null, _private = undefined;
@decorator class A {}
x = a
  / b / c;
y = /untermina