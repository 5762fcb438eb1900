namespace A.B { export type C = keyof typeof obj; }
const fn