import 'reflect-metadata';
import { ErrorCode, isVersionAtLeast, McpError } from '@typemcp/protocol';
import type { CompleteResult, ServerCapabilities } from '@typemcp/protocol';
import { Container } from 'typedi';
import type { ContainerInstance } from 'typedi';
import { LifespanRunner } from './context/lifespan';
import type { Lifespan } from './context/lifespan';
import type { McpServerOptions } from './decorators/McpServer';
import { checkScopes, mergeScopes } from './auth/scopes';
import { Server } from './dispatch/Server';
import type { ServerOptions } from './dispatch/ServerOptions';
import type { ClassType } from './metadata/definitions';
import { checkUri } from './registry/checkUri';
import { getMetadataStorage } from './metadata/MetadataStorage';
import { buildPrompt } from './registry/buildPrompt';
import { buildResource } from './registry/buildResource';
import { buildTool } from './registry/buildTool';
import type { InvocationEnv } from './registry/Invocation';
import { paginate } from './registry/paginate';
import { Registry } from './registry/Registry';
import type { EntryKind } from './registry/Registry';
import type { RequestStateOptions } from './mrtr/requestState';
import { InMemoryTaskStore } from './tasks/InMemoryTaskStore';
import { TaskBudget } from './tasks/TaskBudget';
import { TaskManager } from './tasks/TaskManager';
import { LegacyTaskManager } from './tasks/legacy/LegacyTaskManager';
import { registerTaskHandlers } from './tasks/registerTaskHandlers';
import { routeToolCall } from './tasks/routeToolCall';
import type { TaskEngines } from './tasks/routeToolCall';
import type { TaskOptions } from './tasks/TaskManager';
import type { TaskStore } from './tasks/TaskStore';
import type { SharedStores } from './cluster/SharedStores';
import { dynamicPrompt, dynamicResource, dynamicTool } from './runtime/dynamicEntries';
import type { DynamicPromptOptions, DynamicResourceOptions, DynamicToolOptions } from './runtime/dynamicEntries';

export type { DynamicPromptOptions, DynamicResourceOptions, DynamicToolOptions } from './runtime/dynamicEntries';

/** Options of {@link createServer}: the `@McpServer` options (defaulting to the first provider's), plus: */
export interface CreateServerOptions extends McpServerOptions {
  /** Classes whose `@Tool`, `@Resource` and `@Prompt` methods are served. */
  providers: ClassType[];
  /** The typedi container; default: a new one for this server (never the global one). */
  container?: ContainerInstance;
  /** Items per page of every list (default 1000). */
  pageSize?: number;
  /** Extra capabilities to declare. */
  capabilities?: ServerCapabilities;
  /** Where handler failures are reported (default: stderr). */
  onerror?: (error: Error) => void;
  /** Signing of multi round-trip `requestState`: set `secret` when several instances serve one endpoint. */
  requestState?: RequestStateOptions;
  /** Where tasks (`@Tool({ task })`, the io.modelcontextprotocol/tasks extension) live (default: in memory). */
  taskStore?: TaskStore;
  /** Task lifetime and polling hint. */
  tasks?: TaskOptions;
  /** Most requests one connection may have in flight at once (default 1000; beyond: -32603 "Server busy"). */
  maxConcurrentRequests?: number;
}

let containerIds = 0;

/** The bus channel telling every node a task was cancelled. */
const TASK_CANCEL_CHANNEL = 'tasks:cancel';

/**
 * An MCP server built from decorated classes: the low-level {@link Server} with every handler
 * registered, the registry of tools, resources and prompts, the container and the lifespan.
 * Serve it with `run(app)`, `serveStdio(app.server)` or `mcpHonoApp(app)` from `@typemcp/hono`.
 *
 * @example
 * const app = createServer({ name: 'tools', version: '1.0.0', providers: [Math, Files] });
 * app.disable('tool', 'deleteFile');
 */
export class McpApp {
  /** The low-level server all transports serve. */
  readonly server: Server;
  /** What is served. */
  readonly registry = new Registry();
  /** The server's typedi container. */
  readonly container: ContainerInstance;
  private readonly lifespan: LifespanRunner;
  private readonly instances = new Map<Function, Promise<object>>();
  /** The same instances once resolved: a call then gets its instance without an await. */
  private readonly resolvedInstances = new Map<Function, object>();
  private readonly pageSize: number;
  /** Runs task-supporting tools as tasks. */
  readonly tasks: TaskManager;
  /** Runs task-augmented calls of 2025-11-25 sessions. */
  readonly legacyTasks: LegacyTaskManager;
  private readonly taskEngines: TaskEngines;

  constructor(options: CreateServerOptions) {
    const first = options.providers[0];
    const declared = first ? getMetadataStorage().serverOf(first)?.options : undefined;
    this.container = options.container ?? Container.of(`typemcp-server-${++containerIds}`);
    this.pageSize = options.pageSize ?? 1000;
    const taskStore = options.taskStore ?? new InMemoryTaskStore();
    const budget = new TaskBudget(options.tasks);
    this.tasks = new TaskManager(taskStore, options.tasks, budget);
    this.legacyTasks = new LegacyTaskManager(taskStore, {
      budget,
      ttlMs: options.tasks?.ttlMs ?? 10 * 60_000,
      maxTtlMs: options.tasks?.maxTtlMs ?? 60 * 60_000,
      pollIntervalMs: options.tasks?.pollIntervalMs ?? 250,
      pageSize: options.pageSize ?? 1000,
    });
    this.taskEngines = { modern: this.tasks, legacy: this.legacyTasks };
    this.tasks.resolveTool = (name) => this.registry.tools.get(name);
    const serverOptions: ServerOptions = {
      name: options.name ?? declared?.name ?? first?.name ?? 'typemcp-server',
      version: options.version ?? declared?.version ?? '0.0.0',
      title: options.title ?? declared?.title,
      description: options.description ?? declared?.description,
      instructions: options.instructions ?? declared?.instructions,
      icons: options.icons ?? declared?.icons,
      websiteUrl: options.websiteUrl ?? declared?.websiteUrl,
      capabilities: options.capabilities,
      onerror: options.onerror,
      requestState: options.requestState,
      maxConcurrentRequests: options.maxConcurrentRequests,
    };
    this.server = new Server(serverOptions);
    const lifespans = options.providers
      .map((p) => getMetadataStorage().serverOf(p)?.options.lifespan as Lifespan | undefined)
      .concat(options.lifespan)
      .filter((l): l is Lifespan => typeof l === 'function');
    this.lifespan = new LifespanRunner([...new Set(lifespans)], this.container);
    for (const provider of options.providers) this.addProvider(provider);
    this.registry.onchange = (kind) => this.onRegistryChange(kind);
    this.server.toolParamHeaders = (name) => this.registry.paramHeaders(name);
    this.server.requiredScopes = (method, params) => this.requiredScopes(method, params);
    this.server.allScopes = () => this.registry.allScopes();
    this.server.storeListeners.add((stores) => this.adoptStores(stores));
    this.registerHandlers();
  }

  /** Shares tasks with other nodes: one store, and cancellations carried by the bus. */
  private adoptStores(stores: SharedStores): void {
    if (stores.tasks) {
      this.tasks.useStore(stores.tasks);
      this.legacyTasks.useStore(stores.tasks);
    }
    const bus = stores.bus;
    if (!bus) return;
    void bus.subscribe(TASK_CANCEL_CHANNEL, (taskId) => {
      if (typeof taskId !== 'string') return;
      this.tasks.abortLocal(taskId);
      this.legacyTasks.abortLocal(taskId);
    });
    const relay = (taskId: string) => void bus.publish(TASK_CANCEL_CHANNEL, taskId).catch(() => undefined);
    this.tasks.oncancel = relay;
    this.legacyTasks.oncancel = relay;
  }

  private env(target: Function): InvocationEnv {
    return {
      instance: () => this.resolvedInstances.get(target) ?? this.instanceOf(target),
      container: this.container,
      reader: (uri, ctx) => this.registry.read(uri, ctx.request),
    };
  }

  private instanceOf(target: Function): Promise<object> {
    let instance = this.instances.get(target);
    if (!instance) {
      instance = this.lifespan.start().then(() => {
        if (!this.container.has(target as never)) this.container.set({ id: target, type: target as never });
        const resolved = this.container.get(target as never) as object;
        this.resolvedInstances.set(target, resolved);
        return resolved;
      });
      this.instances.set(target, instance);
    }
    return instance;
  }

  /** Serves the decorated members of another class (now or while serving). */
  addProvider(target: ClassType): void {
    const classScopes = getMetadataStorage().serverOf(target)?.options.scopes;
    for (const member of getMetadataStorage().membersOf(target)) {
      const origin = { target: member.target, methodName: member.methodName };
      const scopes = mergeScopes(classScopes, member.scopes);
      if (member.kind === 'tool') this.registry.addTool(Object.assign(buildTool(member, this.env(target)), { scopes }), origin);
      else if (member.kind === 'resource') this.registry.addResource(Object.assign(buildResource(member, this.env(target)), { scopes }), origin);
      else this.registry.addPrompt(Object.assign(buildPrompt(member, this.env(target)), { scopes }), origin);
    }
  }

  /** Adds a function-based tool while serving; clients are told the tool list changed. */
  addTool(options: DynamicToolOptions): void {
    this.registry.addTool(dynamicTool(options), { target: McpApp, methodName: `addTool(${options.name})` });
  }

  /** Adds a function-based resource or template while serving. */
  addResource(options: DynamicResourceOptions): void {
    this.registry.addResource(dynamicResource(options), { target: McpApp, methodName: `addResource(${options.uri})` });
  }

  /** Adds a function-based prompt while serving. */
  addPrompt(options: DynamicPromptOptions): void {
    this.registry.addPrompt(dynamicPrompt(options), { target: McpApp, methodName: `addPrompt(${options.name})` });
  }

  /** Stops serving an entry until {@link McpApp.enable}; clients are told the list changed. */
  disable(kind: EntryKind, name: string): boolean {
    return this.registry.setEnabled(kind, name, false);
  }

  /** Serves a disabled entry again. */
  enable(kind: EntryKind, name: string): boolean {
    return this.registry.setEnabled(kind, name, true);
  }

  /** Removes an entry for good. */
  remove(kind: EntryKind, name: string): boolean {
    return this.registry.remove(kind, name);
  }

  /**
   * Tells the 2025-11-25 session that was sent this URL-mode elicitation (by `ctx.elicitUrl` or
   * `ctx.requireUrlElicitation`) that it is complete (`notifications/elicitation/complete`), so
   * the client can retry the request that asked for it. No other session hears of it.
   */
  completeUrlElicitation(elicitationId: string): void {
    for (const connection of this.server.connectionsList()) {
      if (connection.legacyVersion && isVersionAtLeast(connection.legacyVersion, '2025-11-25') && connection.urlElicitations.delete(elicitationId)) {
        void connection.notify('notifications/elicitation/complete', { elicitationId }).catch(() => undefined);
      }
    }
  }

  /** Tells subscribed clients that a resource changed. */
  notifyResourceUpdated(uri: string): void {
    this.server.sendResourceUpdated(uri);
  }

  /** Starts the lifespan (once per process, whatever the transports). */
  start(): Promise<void> {
    return this.lifespan.start();
  }

  /** Closes every connection and stops the lifespan's services. */
  async stop(): Promise<void> {
    await this.server.close();
    await this.lifespan.stop();
  }

  private onRegistryChange(kind: EntryKind): void {
    this.registerHandlers();
    if (kind === 'tool') this.server.sendToolListChanged();
    else if (kind === 'prompt') this.server.sendPromptListChanged();
    else this.server.sendResourceListChanged();
  }

  /** What a request needs (for the HTTP layer's 403 before the request runs). */
  private requiredScopes(method: string, params: Record<string, unknown> | undefined): string[] | undefined {
    if (!this.registry.scoped) return undefined;
    const key = params?.name;
    if (method === 'tools/call' && typeof key === 'string') return this.registry.tools.get(key)?.scopes;
    if (method === 'prompts/get' && typeof key === 'string') return this.registry.prompts.get(key)?.scopes;
    if ((method === 'resources/read' || method === 'resources/subscribe') && typeof params?.uri === 'string') return this.registry.resourceEntry(params.uri)?.scopes;
    if (method === 'completion/complete') {
      const ref = params?.ref as { type?: unknown; name?: unknown; uri?: unknown } | undefined;
      if (ref?.type === 'ref/prompt' && typeof ref.name === 'string') return this.registry.prompts.get(ref.name)?.scopes;
      if (ref?.type === 'ref/resource' && typeof ref.uri === 'string') return this.registry.templates.get(ref.uri)?.scopes;
    }
    return undefined;
  }

  /** One page of a list result, `{ [key]: items, nextCursor? }`. */
  private page<K extends string, T>(key: K, items: readonly T[], cursor: unknown): { [P in K]: T[] } & { nextCursor?: string } {
    const { page, nextCursor } = paginate(items, cursor, this.pageSize, key);
    const result = { [key]: page } as { [P in K]: T[] } & { nextCursor?: string };
    if (nextCursor) result.nextCursor = nextCursor;
    return result;
  }

  private registerHandlers(): void {
    const s = this.server;
    const r = this.registry;
    if (r.tools.size > 0 && !s.hasHandler('tools/list')) {
      s.setRequestHandler('tools/list', (p, ctx) => this.page('tools', r.visible(r.listTools(), (t) => r.tools.get(t.name), ctx.auth), p.cursor));
      s.setRequestHandler('tools/call', async (p, ctx) => {
        const entry = r.tool(p.name);
        checkScopes(`tool ${String(p.name)}`, entry.scopes, ctx.auth);
        if (!this.lifespan.isReady) await this.start(); // no await per call once started
        const args = (p.arguments ?? {}) as Record<string, unknown>;
        return routeToolCall(entry, args, p as unknown as Record<string, unknown>, ctx, this.taskEngines) as never;
      });
    }
    if ((r.resources.size > 0 || r.templates.size > 0) && !s.hasHandler('resources/list')) {
      s.setRequestHandler('resources/list', async (p, ctx) => {
        await this.start();
        return this.page('resources', r.visible(await r.listResources(), (res) => r.resourceEntry(res.uri), ctx.auth), p.cursor);
      });
      s.setRequestHandler('resources/templates/list', (p, ctx) =>
        this.page('resourceTemplates', r.visible(r.listTemplates(), (t) => r.templates.get(t.uriTemplate), ctx.auth), p.cursor),
      );
      s.setRequestHandler('resources/read', async (p, ctx) => {
        await this.start();
        return r.read(p.uri, ctx);
      });
      s.setRequestHandler('resources/subscribe', async (p, ctx) => {
        const uri = checkUri('resources/subscribe', p.uri);
        checkScopes(`resource ${uri}`, r.resourceEntry(uri)?.scopes, ctx.auth);
        ctx.connection.subscriptions.add(uri);
        await ctx.connection.stateChanged?.();
        return {};
      });
      s.setRequestHandler('resources/unsubscribe', async (p, ctx) => {
        ctx.connection.subscriptions.delete(checkUri('resources/unsubscribe', p.uri));
        await ctx.connection.stateChanged?.();
        return {};
      });
    }
    if (r.prompts.size > 0 && !s.hasHandler('prompts/list')) {
      s.setRequestHandler('prompts/list', (p, ctx) => this.page('prompts', r.visible(r.listPrompts(), (q) => r.prompts.get(q.name), ctx.auth), p.cursor));
      s.setRequestHandler('prompts/get', async (p, ctx) => {
        const entry = r.prompt(p.name);
        checkScopes(`prompt ${String(p.name)}`, entry.scopes, ctx.auth);
        await this.start();
        return entry.get((p.arguments ?? {}) as Record<string, string>, ctx);
      });
    }
    const hasTasks = [...r.tools.values()].some((e) => e.tool.execution?.taskSupport === 'optional' || e.tool.execution?.taskSupport === 'required');
    if (hasTasks && !s.hasHandler('tasks/get')) registerTaskHandlers(s, this.taskEngines);
    const hasCompletions = [...r.prompts.values(), ...r.templates.values()].some((e) => e.completions.size > 0);
    if (hasCompletions && !s.hasHandler('completion/complete')) {
      s.setRequestHandler('completion/complete', (p, ctx) => {
        checkScopes('completion', this.requiredScopes('completion/complete', p as unknown as Record<string, unknown>), ctx.auth);
        return this.complete(p);
      });
    }
  }

  private async complete(params: { ref: { type: string; name?: string; uri?: string }; argument: { name: string; value: string }; context?: { arguments?: Record<string, string> } }): Promise<CompleteResult> {
    const ref = params.ref;
    const completions =
      ref?.type === 'ref/prompt'
        ? this.registry.prompts.get(String(ref.name))?.completions
        : ref?.type === 'ref/resource'
          ? this.registry.templates.get(String(ref.uri))?.completions
          : undefined;
    if (!completions) throw new McpError(ErrorCode.InvalidParams, `Nothing to complete for ${JSON.stringify(ref)}`);
    const fn = completions.get(params.argument?.name);
    const values = fn ? await fn(String(params.argument.value ?? ''), { arguments: params.context?.arguments ?? {} }) : [];
    return { completion: { values: values.slice(0, 100), total: values.length, hasMore: values.length > 100 } };
  }
}

/**
 * Composes decorated classes into one MCP server.
 *
 * @example
 * const app = createServer({ name: 'Demo', version: '1.0.0', providers: [Demo, Files] });
 * run(app);
 */
export function createServer(options: CreateServerOptions): McpApp {
  return new McpApp(options);
}
