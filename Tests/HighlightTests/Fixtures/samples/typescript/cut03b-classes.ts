export abstract class Repository<T extends { id: string }> {
  protected readonly items = new Map<string, T>();
  public static instances = 0;

  constructor(private readonly name: string) {
    Repository.instances++;
  }

  abstract validate(item: T): boolean;

  save(item: T): void {
    if (!this.validate(item)) throw new Error(`invalid ${this.name}`);
    this.items.set(item.id, item);
  }

  ge