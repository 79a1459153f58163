import type {
  ArgDefinition,
  PromptDefinition,
  ResourceDefinition,
  ServerDefinition,
  ToolDefinition,
} from './definitions';

/**
 * The one store decorators write to: append-only, keyed by class. Builders read only the
 * classes they are given, so tests never need to clear it.
 */
export class MetadataStorage {
  private readonly servers = new Map<Function, ServerDefinition>();
  private readonly members = new Map<
    Function,
    Array<ToolDefinition | ResourceDefinition | PromptDefinition>
  >();
  private readonly args = new Map<Function, ArgDefinition[]>();
  private readonly fields = new Map<Function, Map<string, unknown>>();

  /** Records an `@McpServer` class. */
  addServer(definition: ServerDefinition): void {
    this.servers.set(definition.target, definition);
  }

  /** Records a `@Tool`, `@Resource` or `@Prompt`. */
  addMember(definition: ToolDefinition | ResourceDefinition | PromptDefinition): void {
    const list = this.members.get(definition.target) ?? [];
    list.push(definition);
    this.members.set(definition.target, list);
  }

  /** Records an `@Arg`. */
  addArg(definition: ArgDefinition): void {
    const list = this.args.get(definition.target) ?? [];
    list.push(definition);
    this.args.set(definition.target, list);
  }

  /** Records a `@Field` of a DTO property. */
  addField(target: Function, property: string, options: unknown): void {
    const map = this.fields.get(target) ?? new Map<string, unknown>();
    map.set(property, options);
    this.fields.set(target, map);
  }

  /** The `@Field` record of a DTO property, own or inherited. */
  fieldOf(target: Function, property: string): unknown {
    for (
      let t: Function | null = target;
      t && t !== Function.prototype;
      t = Object.getPrototypeOf(t)
    ) {
      const found = this.fields.get(t)?.get(property);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** The properties of a DTO class (own and inherited) that carry `@Field`. */
  fieldNamesOf(target: Function): string[] {
    const names = new Set<string>();
    for (
      let t: Function | null = target;
      t && t !== Function.prototype;
      t = Object.getPrototypeOf(t)
    ) {
      for (const name of this.fields.get(t)?.keys() ?? []) names.add(name);
    }
    return [...names];
  }

  /** The `@McpServer` record of a class. */
  serverOf(target: Function): ServerDefinition | undefined {
    return this.servers.get(target);
  }

  /** Members of a class and of its ancestors, own ones first. */
  membersOf(target: Function): Array<ToolDefinition | ResourceDefinition | PromptDefinition> {
    const result: Array<ToolDefinition | ResourceDefinition | PromptDefinition> = [];
    for (
      let t: Function | null = target;
      t && t !== Function.prototype;
      t = Object.getPrototypeOf(t)
    ) {
      for (const m of this.members.get(t) ?? []) {
        if (!result.some((r) => r.kind === m.kind && r.methodName === m.methodName)) result.push(m);
      }
    }
    return result;
  }

  /** `@Arg` records of one method's parameters. */
  argsOf(target: Function, methodName: string): ArgDefinition[] {
    const result: ArgDefinition[] = [];
    for (
      let t: Function | null = target;
      t && t !== Function.prototype;
      t = Object.getPrototypeOf(t)
    ) {
      for (const a of this.args.get(t) ?? []) if (a.methodName === methodName) result.push(a);
    }
    return result;
  }
}

const STORE_KEY = Symbol.for('typemcp.metadataStorage');

/** The global store (shared even if two copies of the package are loaded). */
export function getMetadataStorage(): MetadataStorage {
  const holder = globalThis as unknown as Record<symbol, MetadataStorage | undefined>;
  return (holder[STORE_KEY] ??= new MetadataStorage());
}
