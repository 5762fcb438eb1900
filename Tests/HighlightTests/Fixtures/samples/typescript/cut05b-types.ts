import type { Config } from './config';
export interface User {
  readonly id: number;
  name?: string;
  tags: Array<string>;
}
type Partial2<T> = { [K in keyof T]?: T[K] };
enum Color { Red = 1, Green, Blue }
abstract class Repo<T extends { id: number }> implements Store<T> {
  private items: Map<number, T> = new Map();
  protected constructor(public readonly name: string) { super(); }
  public get(id: number): T | undefined { return this.items.get(id); }
  static create(): Repo<any> { return null as any; }
}