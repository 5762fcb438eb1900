import type { Config } from './config';
export interface User {
  readonly id: number;
  name?: string;
  tags: Array<string>;
}
type Partial2<T> = { [K in keyof T]?: T[K] };
enum Color { Red = 1, Green, Blue }
abstract class Repo<T extends { id: number }> i