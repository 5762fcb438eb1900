var a = 1, b = 2.5, c = 0xFF, d = 0o17, e = 0b1010, f = 1.5e10, g = 3.0f;
let re = /ab+c/gi, re2 = /[a-z\/]+\d{2,3}(?:x|y)?/, div = a / b / c;
const obj = {
  key: 'value',
  "quoted": true,
  nested: { deep: [1, 2, 3] },
  method() { return this; },
  arrow: (x) => x * 2,
};
x = y ? z : w;
label: for (;;) { break label; }
switch (x) {
  case 1: doSomething(); break;
  default: other();
}
a += 1; b -= 1; c *= 2; d /= 2; e %= 3; f **= 2; g <<= 1; h >>>= 2; i &&= j; k ||= l; m ??= n;
delete obj.key; void 0; typeof x === 'undefined'; x instanceof Array; 'k' 