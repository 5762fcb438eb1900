let x: number = 1;
function f(a?: str