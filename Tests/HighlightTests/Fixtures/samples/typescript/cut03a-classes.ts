export abstract class Repository<T extends { id: string }> {
  protected readonly items = new Map<string, T>();
  public static instances = 0;

  constructor(private readonly name: string) {
    Reposi