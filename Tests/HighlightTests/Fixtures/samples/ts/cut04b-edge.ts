namespace A.B { export type C = keyof typeof obj; }
const fn = <T,>(x: T): T => x;
label?: string;
let re = /[a-z]+/gi;
