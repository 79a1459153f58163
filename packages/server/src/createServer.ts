import 'reflect-metadata';
import type { ServerCapabilities } from '@typemcp/protocol';
import { Container } from 'typedi';
import type { ContainerInstance } from 'typedi';
import { AppContainer } from './app/AppContainer';
import { AppRegistration } from './app/AppRegistration';
import { createTaskEngines, shareTasks } from './app/appTasks';
import { connectionPolicies } from './app/connectionPolicies';
import { announceListChanged, completeUrlElicitation } from './app/runtimeChanges';
import type { McpServerOptions } from './decorators/McpServer';
import { Server } from './dispatch/Server';
import type { ClassType } from './metadata/definitions';
import { getMetadataStorage } from './metadata/MetadataStorage';
import type { RequestStateOptions } from './mrtr/requestState';
import { Registry } from './registry/Registry';
import type { EntryKind } from './registry/Registry';
import type {
  DynamicPromptOptions,
  DynamicResourceOptions,
  DynamicToolOptions,
} from './runtime/dynamicEntries';
import type { LegacyTaskManager } from './tasks/legacy/LegacyTaskManager';
import type { TaskManager } from './tasks/TaskManager';
import type { TaskOptions } from './tasks/TaskManager';
import type { TaskStore } from './tasks/TaskStore';

export type {
  DynamicPromptOptions,
  DynamicResourceOptions,
  DynamicToolOptions,
} from './runtime/dynamicEntries';

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

/**
 * An MCP server built from decorated classes: the low-level {@link Server} with every handler
 * registered, the registry of tools, resources and prompts, the container and the lifespan.
 * Serve it with `run(app)`, `serveStdio(app.server)` or `mcpHonoApp(app)` from `@typemcp/hono`.
 * Each job has its own home under `app/`: registration, container and lifespan, runtime
 * changes, connection policies and tasks; this class puts them together.
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
  /** Runs task-supporting tools as tasks. */
  readonly tasks: TaskManager;
  /** Runs task-augmented calls of 2025-11-25 sessions. */
  readonly legacyTasks: LegacyTaskManager;
  private readonly app: AppContainer;
  private readonly registration: AppRegistration;

  constructor(options: CreateServerOptions) {
    const first = options.providers[0];
    const declared = first ? getMetadataStorage().serverOf(first)?.options : undefined;
    this.container = options.container ?? Container.of(`typemcp-server-${++containerIds}`);
    const taskEngines = createTaskEngines(this.registry, options);
    this.tasks = taskEngines.modern;
    this.legacyTasks = taskEngines.legacy;
    this.server = new Server({
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
      ...connectionPolicies(this.registry),
      sessionCapabilities: () => this.registration.sessionCapabilities,
      onstores: (stores) => shareTasks(taskEngines, stores),
    });
    this.app = new AppContainer(this.container, options.providers, options.lifespan);
    this.registration = new AppRegistration({
      server: this.server,
      registry: this.registry,
      container: this.app,
      taskEngines,
      pageSize: options.pageSize ?? 1000,
      owner: McpApp,
    });
    for (const provider of options.providers) this.addProvider(provider);
    this.registry.onchange = (kind) => this.onRegistryChange(kind);
    this.registration.registerHandlers();
  }

  /** Serves the decorated members of another class (now or while serving). */
  addProvider(target: ClassType): void {
    this.registration.addProvider(target);
  }

  /** Adds a function-based tool while serving; clients are told the tool list changed. */
  addTool(options: DynamicToolOptions): void {
    this.registration.addTool(options);
  }

  /** Adds a function-based resource or template while serving. */
  addResource(options: DynamicResourceOptions): void {
    this.registration.addResource(options);
  }

  /** Adds a function-based prompt while serving. */
  addPrompt(options: DynamicPromptOptions): void {
    this.registration.addPrompt(options);
  }

  /** Stops serving an entry until {@link McpApp.enable}; clients are told the list changed. */
  disable(kind: EntryKind, name: string): boolean {
    return this.registration.setEnabled(kind, name, false);
  }

  /** Serves a disabled entry again. */
  enable(kind: EntryKind, name: string): boolean {
    return this.registration.setEnabled(kind, name, true);
  }

  /** Removes an entry for good. */
  remove(kind: EntryKind, name: string): boolean {
    return this.registration.remove(kind, name);
  }

  /**
   * Tells the 2025-11-25 session that was sent this URL-mode elicitation (by `ctx.elicitUrl` or
   * `ctx.requireUrlElicitation`) that it is complete (`notifications/elicitation/complete`), so
   * the client can retry the request that asked for it. No other session hears of it.
   */
  completeUrlElicitation(elicitationId: string): void {
    completeUrlElicitation(this.server, elicitationId);
  }

  /** Tells subscribed clients that a resource changed. */
  notifyResourceUpdated(uri: string): void {
    this.server.sendResourceUpdated(uri);
  }

  /** Starts the lifespan (once per process, whatever the transports). */
  start(): Promise<void> {
    return this.app.start();
  }

  /** Closes every connection and stops the lifespan's services. */
  async stop(): Promise<void> {
    await this.server.close();
    await this.app.stop();
  }

  private onRegistryChange(kind: EntryKind): void {
    this.registration.registerHandlers();
    announceListChanged(this.server, kind);
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
