let π = Math.PI, café = "é", $el = null, _private = undefined;
@decorator class A {}
x = a
  / b / c;
y = /unterminated
z = 'unterminated
w = "ok";
<!-- html comment
#notallowed
let q = a?.b?.[c] ?? d;
let n = NaN + Infinity;
let t =