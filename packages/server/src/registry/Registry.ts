import { ErrorCode, McpError } from '@typemcp/protocol';
import type {
  AuthInfo,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from '@typemcp/protocol';
import { checkScopes, mayUse } from '../auth/scopes';
import type { RequestContext } from '../dispatch/RequestContext';
import { checkUri } from './checkUri';
import { DuplicateNameError } from '../errors/DuplicateNameError';
import type { PromptEntry, ResourceEntry, TemplateEntry, ToolEntry } from './entries';

/** The kinds of thing a registry serves. */
export type EntryKind = 'tool' | 'resource' | 'prompt';

/** Where an entry came from, for duplicate-name errors. */
export interface EntryOrigin {
  target: Function;
  methodName: string;
}

/**
 * Everything a server serves, built once at start-up and shared by all connections. Lists are
 * computed once and rebuilt only after a change; changes are reported through `onchange`.
 */
export class Registry {
  readonly tools = new Map<string, ToolEntry>();
  readonly resources = new Map<string, ResourceEntry>();
  readonly templates = new Map<string, TemplateEntry>();
  readonly prompts = new Map<string, PromptEntry>();
  private readonly origins = new Map<string, EntryOrigin>();
  private toolList?: Tool[];
  private promptList?: Prompt[];
  private resourceList?: Resource[];
  private templateList?: ResourceTemplate[];
  /** Told about every change, after it happened. */
  onchange?: (kind: EntryKind) => void;

  private claim(kind: string, key: string, origin: EntryOrigin): void {
    const id = `${kind}:${key}`;
    const first = this.origins.get(id);
    if (first) throw new DuplicateNameError(kind, key, first, origin);
    this.origins.set(id, origin);
  }

  /** Adds a tool. */
  addTool(entry: ToolEntry, origin: EntryOrigin): void {
    this.claim('tool', entry.tool.name, origin);
    this.tools.set(entry.tool.name, entry);
    this.changed('tool');
  }

  /** Adds a fixed resource or a template. */
  addResource(entry: ResourceEntry | TemplateEntry, origin: EntryOrigin): void {
    if ('template' in entry) {
      this.claim('resource template', entry.descriptor.uriTemplate, origin);
      this.templates.set(entry.descriptor.uriTemplate, entry);
    } else {
      this.claim('resource', entry.resource.uri, origin);
      this.resources.set(entry.resource.uri, entry);
    }
    this.changed('resource');
  }

  /** Adds a prompt. */
  addPrompt(entry: PromptEntry, origin: EntryOrigin): void {
    this.claim('prompt', entry.prompt.name, origin);
    this.prompts.set(entry.prompt.name, entry);
    this.changed('prompt');
  }

  private mapOf(kind: EntryKind): Map<string, { enabled: boolean }> {
    if (kind === 'tool') return this.tools;
    if (kind === 'prompt') return this.prompts;
    return this.resources.size && !this.templates.size
      ? this.resources
      : new Map<string, { enabled: boolean }>([...this.resources, ...this.templates]);
  }

  /** Enables or disables an entry by name (a resource by URI or URI template); false if unknown. */
  setEnabled(kind: EntryKind, key: string, enabled: boolean): boolean {
    const entry =
      kind === 'resource'
        ? (this.resources.get(key) ?? this.templates.get(key))
        : this.mapOf(kind).get(key);
    if (!entry) return false;
    if (entry.enabled !== enabled) {
      entry.enabled = enabled;
      this.changed(kind);
    }
    return true;
  }

  /** Removes an entry; false if unknown. */
  remove(kind: EntryKind, key: string): boolean {
    let removed: boolean;
    if (kind === 'tool') removed = this.tools.delete(key);
    else if (kind === 'prompt') removed = this.prompts.delete(key);
    else removed = this.resources.delete(key) || this.templates.delete(key);
    if (!removed) return false;
    for (const id of this.origins.keys())
      if (id.endsWith(`:${key}`) && id.startsWith(kind)) this.origins.delete(id);
    this.changed(kind);
    return true;
  }

  /** Whether any entry needs scopes (lists are filtered per caller only then). */
  get scoped(): boolean {
    return (this.scopedFlag ??= [
      ...this.tools.values(),
      ...this.prompts.values(),
      ...this.resources.values(),
      ...this.templates.values(),
    ].some((e) => e.scopes?.length));
  }
  private scopedFlag?: boolean;

  /** `items` without those whose entry the caller may not use. */
  visible<T>(
    items: T[],
    entryOf: (item: T) => { scopes?: string[] } | undefined,
    auth: AuthInfo | undefined,
  ): T[] {
    if (!auth || !this.scoped) return items;
    return items.filter((item) => mayUse(entryOf(item) ?? {}, auth));
  }

  /** The entry `resources/read` would serve for `uri`, if any. */
  resourceEntry(uri: string): ResourceEntry | TemplateEntry | undefined {
    const fixed = this.resources.get(uri);
    if (fixed?.enabled) return fixed;
    for (const entry of this.templates.values())
      if (entry.enabled && entry.template.match(uri)) return entry;
    return undefined;
  }

  /** Every scope an entry needs. */
  allScopes(): string[] {
    const all = [
      ...this.tools.values(),
      ...this.prompts.values(),
      ...this.resources.values(),
      ...this.templates.values(),
    ];
    return [...new Set(all.flatMap((e) => e.scopes ?? []))];
  }

  private changed(kind: EntryKind): void {
    this.scopedFlag = undefined;
    if (kind === 'tool') {
      this.toolList = undefined;
      this.headerCache.clear();
    } else if (kind === 'prompt') this.promptList = undefined;
    else this.resourceList = this.templateList = undefined;
    this.onchange?.(kind);
  }

  /** Enabled tools, built once per change. */
  listTools(): Tool[] {
    return (this.toolList ??= [...this.tools.values()].filter((e) => e.enabled).map((e) => e.tool));
  }

  /** Enabled prompts. */
  listPrompts(): Prompt[] {
    return (this.promptList ??= [...this.prompts.values()]
      .filter((e) => e.enabled)
      .map((e) => e.prompt));
  }

  /** Enabled templates. */
  listTemplates(): ResourceTemplate[] {
    return (this.templateList ??= [...this.templates.values()]
      .filter((e) => e.enabled)
      .map((e) => e.descriptor));
  }

  /** Enabled fixed resources, plus the listed resources of templates. */
  async listResources(): Promise<Resource[]> {
    const fixed = (this.resourceList ??= [...this.resources.values()]
      .filter((e) => e.enabled)
      .map((e) => e.resource));
    const listed: Resource[] = [];
    for (const t of this.templates.values())
      if (t.enabled && t.list) listed.push(...(await t.list()));
    return listed.length ? [...fixed, ...listed] : fixed;
  }

  private readonly headerCache = new Map<string, Record<string, string> | undefined>();

  /** The `x-mcp-header` arguments of a tool (argument → header name), computed once per tool. */
  paramHeaders(name: string): Record<string, string> | undefined {
    if (this.headerCache.has(name)) return this.headerCache.get(name);
    const properties = (this.tools.get(name)?.tool.inputSchema.properties ?? {}) as Record<
      string,
      Record<string, unknown>
    >;
    const entries = Object.entries(properties).filter(
      ([, p]) => typeof p['x-mcp-header'] === 'string',
    );
    const map = entries.length
      ? Object.fromEntries(entries.map(([k, p]) => [k, p['x-mcp-header'] as string]))
      : undefined;
    this.headerCache.set(name, map);
    return map;
  }

  /** The enabled tool called `name`, or -32602. */
  tool(name: unknown): ToolEntry {
    const entry = typeof name === 'string' ? this.tools.get(name) : undefined;
    if (typeof name !== 'string')
      throw new McpError(
        ErrorCode.InvalidParams,
        'Invalid params: the tool "name" must be a string',
      );
    if (!entry || !entry.enabled)
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    return entry;
  }

  /** The enabled prompt called `name`, or -32602. */
  prompt(name: unknown): PromptEntry {
    const entry = typeof name === 'string' ? this.prompts.get(name) : undefined;
    if (typeof name !== 'string')
      throw new McpError(
        ErrorCode.InvalidParams,
        'Invalid params: the prompt "name" must be a string',
      );
    if (!entry || !entry.enabled)
      throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${name}`);
    return entry;
  }

  /** Reads a resource by URI: fixed first, then templates in order; not found is -32002. */
  async read(given: unknown, request: RequestContext): Promise<ReadResourceResult> {
    const uri = checkUri('resources/read', given);
    const fixed = this.resources.get(uri);
    if (fixed?.enabled) {
      checkScopes(`resource ${uri}`, fixed.scopes, request.auth);
      return fixed.read(uri, {}, request);
    }
    for (const entry of this.templates.values()) {
      if (!entry.enabled) continue;
      const variables = entry.template.match(uri);
      if (!variables) continue;
      checkScopes(`resource ${uri}`, entry.scopes, request.auth);
      return entry.read(uri, variables, request);
    }
    throw new McpError(ErrorCode.ResourceNotFound, `Resource not found: ${uri}`, { uri });
  }
}
