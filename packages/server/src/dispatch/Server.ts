import { ErrorCode, hasModernMeta, McpError, SUPPORTED_PROTOCOL_VERSIONS } from '@typemcp/protocol';
import type {
  ClientRequestMethods,
  Implementation,
  IncomingRequestContext,
  JSONRPCNotification,
  JSONRPCRequest,
  MessageExtra,
  ServerCapabilities,
  Transport,
} from '@typemcp/protocol';
import type { SharedStores } from '../cluster/SharedStores';
import { RequestStateCodec } from '../mrtr/requestState';
import { deriveCapabilities } from './deriveCapabilities';
import type { Dispatcher, DispatchHost } from './Dispatcher';
import { LegacyDispatcher } from './LegacyDispatcher';
import { ModernDispatcher } from './serveModern';
import type { RequestContext } from './RequestContext';
import { ServerConnection } from './ServerConnection';
import type { ConnectionHost } from './ServerConnection';
import type { ServerOptions } from './ServerOptions';

/** Params of a client request method (any `_meta` included). */
export type MethodParams<M extends keyof ClientRequestMethods> = ClientRequestMethods[M]['params'];
/** Result of a client request method. */
export type MethodResult<M extends keyof ClientRequestMethods> = ClientRequestMethods[M]['result'];

/** Answers one request method. Throw an {@link McpError} for a JSON-RPC error. */
export type RequestHandler<P = Record<string, unknown>, R = Record<string, unknown>> = (
  params: P,
  context: RequestContext,
) => R | Promise<R>;

/** Receives one kind of client notification. */
export type NotificationHandler = (
  params: Record<string, unknown>,
  connection: ServerConnection,
) => void;

/**
 * The low-level MCP server: one handler per method, capabilities derived from what is
 * registered, and one dispatcher that serves both protocol eras on any transport.
 *
 * @example
 * const server = new Server({ name: 'demo', version: '1.0.0' });
 * server.setRequestHandler('tools/list', () => ({ tools: [] }));
 * await server.connect(new StdioServerTransport());
 */
export class Server implements DispatchHost, ConnectionHost {
  private readonly handlers = new Map<string, RequestHandler<never, unknown>>();
  private readonly notificationHandlers = new Map<string, NotificationHandler>();
  private readonly connections = new Set<ServerConnection>();
  private capabilitiesCache?: ServerCapabilities;
  private readonly legacy: Dispatcher = new LegacyDispatcher(this);
  private readonly modern: Dispatcher = new ModernDispatcher(this);
  /** The `serverInfo` sent to clients. */
  readonly serverInfo: Implementation;
  /** Versions this server serves, newest first. */
  readonly supportedVersions: readonly string[];
  /** Signs and verifies the `requestState` of multi round-trip requests. */
  readonly requestStates: RequestStateCodec;
  /** Listeners told about every server-wide notification (e.g. modern subscriptions). */
  readonly broadcastListeners = new Set<
    (method: string, params?: Record<string, unknown>) => void
  >();
  /**
   * The `x-mcp-header` arguments of a tool (argument name → header name), for HTTP transports to
   * check `Mcp-Param-*` headers against the body: the `toolParamHeaders` option.
   */
  toolParamHeaders: (toolName: string) => Readonly<Record<string, string>> | undefined;
  /**
   * The OAuth scopes a request needs (`@Tool({ scopes })` and the like), for HTTP transports to
   * answer 403 `insufficient_scope` before running it; `allScopes` lists every scope in use (for
   * `scopes_supported`): the `requiredScopes` and `allScopes` options.
   */
  requiredScopes: (
    method: string,
    params: Record<string, unknown> | undefined,
  ) => string[] | undefined;
  allScopes: () => string[];
  private sessionCapabilitiesSet?: ServerCapabilities;
  /** Told when the server closes (ends open subscriptions gracefully). */
  readonly closeListeners = new Set<() => void>();
  /**
   * Where server-wide notifications go instead of straight to this process's connections: set by
   * an HTTP engine serving a cluster, which delivers them once per session on whichever node
   * holds it (and calls {@link Server.deliverBroadcast} on every node).
   */
  broadcaster?: (method: string, params?: Record<string, unknown>) => void;
  /** Told when shared stores are given (see {@link Server.useStores}): the task engines adopt them. */
  readonly storeListeners = new Set<(stores: SharedStores) => void>();

  constructor(readonly options: ServerOptions) {
    const { name, version, title, description, websiteUrl, icons } = options;
    this.serverInfo = { name, version };
    if (title !== undefined) this.serverInfo.title = title;
    if (description !== undefined) this.serverInfo.description = description;
    if (websiteUrl !== undefined) this.serverInfo.websiteUrl = websiteUrl;
    if (icons !== undefined) this.serverInfo.icons = icons;
    this.supportedVersions = options.supportedVersions ?? SUPPORTED_PROTOCOL_VERSIONS;
    this.requestStates = new RequestStateCodec(options.requestState);
    this.toolParamHeaders = options.toolParamHeaders ?? (() => undefined);
    this.requiredScopes = options.requiredScopes ?? (() => undefined);
    this.allScopes = options.allScopes ?? (() => []);
    if (options.onstores) this.storeListeners.add(options.onstores);
  }

  /**
   * Capabilities declared only to sessions that negotiate 2025-11-25 or later in `initialize`
   * (e.g. the experimental `tasks` of that revision): the `sessionCapabilities` option, unless set here.
   */
  get sessionCapabilities(): ServerCapabilities | undefined {
    return this.sessionCapabilitiesSet ?? this.options.sessionCapabilities?.();
  }

  set sessionCapabilities(capabilities: ServerCapabilities | undefined) {
    this.sessionCapabilitiesSet = capabilities;
  }

  /** Registers (or replaces) the handler of a request method. */
  setRequestHandler<M extends keyof ClientRequestMethods>(
    method: M,
    handler: RequestHandler<MethodParams<M>, MethodResult<M>>,
  ): void;
  setRequestHandler(method: string, handler: RequestHandler): void;
  setRequestHandler(method: string, handler: RequestHandler<never, unknown>): void {
    this.handlers.set(method, handler);
    this.capabilitiesCache = undefined;
  }

  /** Declares capabilities on top of the derived ones (e.g. an extension). */
  addCapabilities(capabilities: ServerCapabilities): void {
    const current = (this.options.capabilities ?? {}) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(capabilities)) {
      const base = current[key];
      merged[key] =
        base && typeof base === 'object' && value && typeof value === 'object'
          ? { ...base, ...value }
          : value;
    }
    (this.options as { capabilities?: ServerCapabilities }).capabilities =
      merged as ServerCapabilities;
    this.capabilitiesCache = undefined;
  }

  /** Removes the handler of a request method. */
  removeRequestHandler(method: string): void {
    this.handlers.delete(method);
    this.capabilitiesCache = undefined;
  }

  /** True when a handler is registered for `method`. */
  hasHandler(method: string): boolean {
    return this.handlers.has(method);
  }

  /** Registers the handler of a client notification (e.g. `notifications/roots/list_changed`). */
  setNotificationHandler(method: string, handler: NotificationHandler): void {
    this.notificationHandlers.set(method, handler);
  }

  /** The capabilities this server declares. */
  get capabilities(): ServerCapabilities {
    return (this.capabilitiesCache ??= deriveCapabilities(
      new Set(this.handlers.keys()),
      this.options.capabilities,
    ));
  }

  /** The open connections. */
  connectionsList(): ServerConnection[] {
    return [...this.connections];
  }

  /** Open connections. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** Serves one transport; resolves once it is started. */
  async connect(
    transport: Transport,
    options: { defaultTimeoutMs?: number } = {},
  ): Promise<ServerConnection> {
    const connection = new ServerConnection(this, transport, options);
    this.connections.add(connection);
    await connection.session.start();
    return connection;
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    for (const listener of this.closeListeners) listener();
    this.closeListeners.clear();
    await Promise.all([...this.connections].map((c) => c.close().catch(() => undefined)));
  }

  /**
   * Sends a server-wide notification (list changes, resource updates) to every legacy session
   * that should get it, and to every broadcast listener (modern subscriptions).
   */
  broadcast(method: string, params?: Record<string, unknown>): void {
    if (this.broadcaster) this.broadcaster(method, params);
    else this.deliverBroadcast(method, params, 'all');
  }

  /**
   * Delivers a server-wide notification in this process: to its broadcast listeners, and to the
   * legacy connections that should get it — `all`, those whose session is not shared with other
   * nodes (a cluster reaches those once, through its stores), or `none`.
   */
  deliverBroadcast(
    method: string,
    params: Record<string, unknown> | undefined,
    legacySessions: 'all' | 'unshared' | 'none',
  ): void {
    for (const connection of legacySessions === 'none' ? [] : this.connections) {
      if (
        !connection.legacyVersion ||
        (connection.sharedId !== undefined && legacySessions === 'unshared')
      )
        continue;
      if (
        method === 'notifications/resources/updated' &&
        !connection.subscriptions.has(String(params?.uri))
      )
        continue;
      connection.notify(method, params).catch(() => undefined);
    }
    for (const listener of this.broadcastListeners) listener(method, params);
  }

  /**
   * Shares state with the other nodes serving the same endpoint: used `requestState` nonces, and
   * (through the `McpApp`) tasks and their cancellation.
   */
  useStores(stores: SharedStores): void {
    if (stores.nonces) this.requestStates.nonces = stores.nonces;
    if (stores.requestStateSecret && this.requestStates.randomKey)
      this.requestStates.useSecret(stores.requestStateSecret);
    for (const listener of this.storeListeners) listener(stores);
  }

  /** Tells clients the tool list changed. */
  sendToolListChanged(): void {
    this.broadcast('notifications/tools/list_changed');
  }

  /** Tells clients the resource list changed. */
  sendResourceListChanged(): void {
    this.broadcast('notifications/resources/list_changed');
  }

  /** Tells clients the prompt list changed. */
  sendPromptListChanged(): void {
    this.broadcast('notifications/prompts/list_changed');
  }

  /** Tells subscribers a resource changed. */
  sendResourceUpdated(uri: string): void {
    this.broadcast('notifications/resources/updated', { uri });
  }

  /**
   * @internal Called by a connection for every incoming request. Not async: the dispatcher's own
   * promise is the answer (an async wrapper would add a promise layer and its ticks per request).
   */
  handleRequest(
    connection: ServerConnection,
    request: JSONRPCRequest,
    incoming: IncomingRequestContext,
  ): Promise<Record<string, unknown>> {
    const meta = request.params?._meta as Record<string, unknown> | undefined;
    const dispatcher =
      hasModernMeta(meta) && request.method !== 'initialize' ? this.modern : this.legacy;
    return dispatcher.serve(connection, request, incoming, meta ?? {});
  }

  /** @internal Runs the handler of `method`, or answers -32601. */
  invoke(method: string, params: Record<string, unknown>, context: RequestContext): unknown {
    const handler = this.handlers.get(method) as
      RequestHandler<Record<string, unknown>, unknown> | undefined;
    if (!handler) throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
    return handler(params, context);
  }

  /** @internal */
  handleNotification(
    connection: ServerConnection,
    notification: JSONRPCNotification,
    _extra?: MessageExtra,
  ): void {
    if (notification.method === 'notifications/initialized') connection.initialized = true;
    const handler = this.notificationHandlers.get(notification.method);
    if (!handler) return;
    try {
      handler(notification.params ?? {}, connection);
    } catch (error) {
      this.reportError(error as Error);
    }
  }

  /** @internal */
  forget(connection: ServerConnection): void {
    this.connections.delete(connection);
  }

  /** @internal */
  reportError(error: Error): void {
    if (this.options.onerror) this.options.onerror(error);
    else process.stderr.write(`[typemcp] ${error.message}\n`);
  }
}
