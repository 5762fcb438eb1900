let x: number = 1;
function f(a?: string, b: boolean = false): void {
  la