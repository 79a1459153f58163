import { ErrorCode, McpError, Session } from '@typemcp/protocol';
import type {
  CallToolResult,
  ClientCapabilities,
  ClientRequestMethods,
  DiscoverResult,
  EmptyResult,
  Implementation,
  JSONRPCNotification,
  ListToolsResult,
  LoggingLevel,
  ProtocolEra,
  RequestOptions,
  ServerCapabilities,
  ServerNotificationMethods,
  ServerRequestMethods,
  Tool,
  Transport,
} from '@typemcp/protocol';
import type { ClientRequestHandler } from './answerInputRequests';
import { checkToolResult } from './checkToolResult';
import { ClientCalls } from './ClientCalls';
import type { ClientParams, ClientResult, ServerRequestHandler } from './clientTypes';
import { ClientTasks } from './tasks/ClientTasks';
import { toTaskInfo } from './tasks/TaskInfo';
import { watchLists } from './watchLists';
import type { ClientOptions } from './ClientOptions';
import { assertMethodInEra } from './eraMethods';
import { NotConnectedError } from './errors/NotConnectedError';
import { buildModernMeta } from './negotiation/modernMeta';
import { legacyHandshake, settleEra } from './negotiation/settleEra';
import type { SettledEra } from './negotiation/settleEra';
import { requestModern } from './requestModern';
import { toolParamHeaders } from './toolParamHeaders';

/** Transports that tell the server the agreed version (HTTP) or open a GET stream. */
interface VersionAwareTransport {
  setProtocolVersion?(version: string): void;
  setToolParamHeaders?(tool: string, headers: Record<string, string>): void;
  openStandaloneStream?(): Promise<boolean>;
  closeReason?: string;
}

/**
 * An MCP client for both protocol eras. `connect()` finds the server's era as the spec says
 * (probe `server/discover`, fall back to `initialize`); every method then speaks that era:
 * modern requests carry their `_meta` and have their `resultType` checked, and multi round-trip
 * requests are answered by the same handlers that answer legacy server-to-client requests.
 *
 * @example
 * const client = new Client({ name: 'my-app', version: '1.0.0' });
 * await client.connect(new StdioClientTransport({ command: 'node', args: ['server.js'] }));
 * const tools = await client.listAllTools();
 * const result = await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
 * await client.close();
 */
export class Client extends ClientCalls {
  private session?: Session;
  private transport?: Transport & VersionAwareTransport;
  private readonly handlers = new Map<string, ClientRequestHandler>();
  /** Tasks in both eras: run a tool as a task and wait for it, follow, list, cancel (see {@link ClientTasks}). */
  readonly tasks: ClientTasks = new ClientTasks({
    era: () => this.era,
    request: (method, params, options) => this.request(method, params, options),
    getServerCapabilities: () => this.serverCapabilities,
    handlers: this.handlers,
  });
  private readonly listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  private readonly outputSchemas = new Map<string, Record<string, unknown> | undefined>();
  private serverCapabilities?: ServerCapabilities;
  private serverInfo?: Implementation;
  private instructions?: string;
  private logLevel?: LoggingLevel;
  /** The era agreed with the server, once connected. */
  era?: ProtocolEra;
  /** The protocol version agreed with the server, once connected. */
  protocolVersion?: string;
  /** What `server/discover` answered (modern era). */
  discoverResult?: DiscoverResult;
  /** Called once when the connection closes (the server exited, the transport failed, close()). */
  onclose?: () => void;
  /** Errors that do not close the connection (an invalid line from the server, a listener that threw). */
  onerror?: (error: Error) => void;

  constructor(
    /** The client's identity, sent as `clientInfo`. */
    readonly clientInfo: Implementation,
    private readonly options: ClientOptions = {},
  ) {
    super();
    this.logLevel = options.logLevel;
  }

  /** The capabilities this client declares. */
  get capabilities(): ClientCapabilities {
    return this.options.capabilities ?? {};
  }

  /**
   * Answers a server-to-client request (legacy era) and the matching input requests of a multi
   * round-trip request (modern era). Declaring the capability (`sampling`, `elicitation`,
   * `roots`) in `options.capabilities` stays the caller's job. `ping` is answered for you.
   */
  setRequestHandler<M extends keyof ServerRequestMethods>(
    method: M,
    handler: ServerRequestHandler<M>,
  ): void {
    this.handlers.set(method, handler as ClientRequestHandler);
  }

  /** Listens to a server notification; returns a function that stops listening. */
  onNotification<M extends keyof ServerNotificationMethods>(
    method: M,
    listener: (params: ServerNotificationMethods[M]) => void,
  ): () => void;
  onNotification(method: string, listener: (params: Record<string, unknown>) => void): () => void;
  onNotification(method: string, listener: (params: never) => void): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    const entry = listener as (params: Record<string, unknown>) => void;
    set.add(entry);
    return () => set?.delete(entry);
  }

  /** Connects over `transport` and settles the protocol era (see {@link ClientOptions.mode}). */
  async connect(transport: Transport): Promise<void> {
    if (this.session && !this.session.isClosed)
      throw new Error('This client is already connected; close() it first');
    this.transport = transport as Transport & VersionAwareTransport;
    const session = new Session(transport, {
      defaultTimeoutMs: this.options.requestTimeoutMs,
      onrequest: (request, context) =>
        this.answerServerRequest(request.method, request.params ?? {}, context.signal),
      onnotification: (notification) => this.dispatchNotification(notification),
      onclose: () => this.onclose?.(),
      onerror: (error) => this.onerror?.(error),
      describeClose: () =>
        (transport as VersionAwareTransport).closeReason ?? 'the transport closed',
    });
    this.era = this.protocolVersion = this.discoverResult = undefined;
    this.session = session;
    try {
      await session.start();
    } catch (error) {
      this.session = undefined; // never started: the client may connect again
      throw error;
    }
    try {
      await this.settleEra(session);
    } catch (error) {
      await session.close().catch(() => undefined);
      throw error;
    }
    this.listenAbort = watchLists(this, this.options.listChanged, (e) => this.onerror?.(e));
  }

  private async settleEra(session: Session): Promise<void> {
    const settled = await settleEra(session, {
      mode: this.options.mode ?? 'auto',
      capabilities: this.capabilities,
      clientInfo: this.clientInfo,
      probeTimeoutMs: this.options.probeTimeoutMs ?? 3000,
      peerReady: this.transport?.peerReady?.(),
      startupTimeoutMs: this.options.probeStartupTimeoutMs ?? 20_000,
    });
    await this.adopt(session, settled);
  }

  private async handshake(session: Session): Promise<void> {
    const identity = { capabilities: this.capabilities, clientInfo: this.clientInfo };
    await this.adopt(session, await legacyHandshake(session, identity));
  }

  /** Takes what connecting agreed; a legacy session then sets its log level and opens its GET stream. */
  private async adopt(session: Session, settled: SettledEra): Promise<void> {
    this.era = settled.era;
    this.protocolVersion = settled.protocolVersion;
    if (settled.discover) this.discoverResult = settled.discover;
    this.serverCapabilities = settled.capabilities;
    this.serverInfo = settled.serverInfo;
    this.instructions = settled.instructions;
    this.transport?.setProtocolVersion?.(settled.protocolVersion);
    if (settled.era === 'modern') return;
    if (this.logLevel && settled.capabilities.logging)
      await session.request('logging/setLevel', { level: this.logLevel });
    await this.transport?.openStandaloneStream?.().catch(() => false);
  }

  private requireSession(): Session {
    if (!this.session || this.session.isClosed || !this.era) throw new NotConnectedError();
    return this.session;
  }

  private async answerServerRequest(
    method: string,
    params: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>> {
    if (method === 'ping') return {};
    const handler = this.handlers.get(method);
    if (!handler) throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
    return (await handler(params, { signal })) as Record<string, unknown>;
  }

  private dispatchNotification(notification: JSONRPCNotification): void {
    const set = this.listeners.get(notification.method);
    if (!set) return;
    for (const listener of set) {
      try {
        listener(notification.params ?? {});
      } catch (error) {
        this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  /**
   * Sends any client request in the agreed era and returns its complete result. Modern: the
   * `_meta` fields are added (and `progressToken` when `options.onprogress` is set), the
   * `resultType` is checked, input requests are answered and the request retried.
   */
  request<M extends keyof ClientRequestMethods>(
    method: M,
    params?: ClientParams<M>,
    options?: RequestOptions,
  ): Promise<ClientResult<M>>;
  request<T = Record<string, unknown>>(
    method: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<T>;
  async request(
    method: string,
    params: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<unknown> {
    const session = this.requireSession();
    const era = this.era as ProtocolEra;
    assertMethodInEra(method, era);
    if (era === 'modern') {
      return requestModern(session, method, params, options, {
        meta: buildModernMeta({
          protocolVersion: this.protocolVersion as string,
          capabilities: this.capabilities,
          clientInfo: this.clientInfo,
          logLevel: this.logLevel,
        }),
        capabilities: this.capabilities,
        handlers: this.handlers,
        maxRounds: this.options.maxInputRounds ?? 8,
      });
    }
    try {
      return await session.request(method, params, options);
    } catch (error) {
      // HTTP: the server ended our legacy session (404). Initialize a new one and retry once.
      if (
        !(error instanceof McpError) ||
        (error.data as { sessionExpired?: boolean } | undefined)?.sessionExpired !== true
      )
        throw error;
      await this.handshake(session);
      return session.request(method, params, options);
    }
  }

  /** Checks the server is alive: legacy `ping`; modern `server/discover` (2026-07-28 has no ping). */
  async ping(options?: RequestOptions): Promise<EmptyResult> {
    if (this.era === 'modern') {
      await this.request('server/discover', {}, options);
      return {};
    }
    return this.request('ping', {}, options);
  }

  /** `server/discover` (modern era): versions, capabilities, instructions; refreshes what the getters return. */
  async discover(options?: RequestOptions): Promise<DiscoverResult> {
    const result = await this.request('server/discover', {}, options);
    this.discoverResult = result;
    this.serverCapabilities = result.capabilities;
    this.instructions = result.instructions;
    return result;
  }

  /**
   * One page of `tools/list`. Remembers each tool's `outputSchema` for {@link Client.callTool}.
   * Over HTTP, tools whose `x-mcp-header` declarations break the rules are left out (the spec
   * requires it), and the others' headers are mirrored on each call.
   */
  async listTools(
    params: ClientParams<'tools/list'> = {},
    options?: RequestOptions,
  ): Promise<ListToolsResult> {
    const result = await this.request('tools/list', params, options);
    if (!Array.isArray(result.tools)) return result;
    for (const tool of result.tools)
      this.outputSchemas.set(tool.name, tool.outputSchema as Record<string, unknown> | undefined);
    const transport = this.transport;
    if (!transport?.setToolParamHeaders) return result;
    const kept = result.tools.filter((tool) => {
      const headers = toolParamHeaders(tool);
      if (headers) transport.setToolParamHeaders?.(tool.name, headers);
      return headers !== null;
    });
    return { ...result, tools: kept };
  }

  /** Every tool, following `nextCursor` until the last page. */
  async listAllTools(options?: RequestOptions): Promise<Tool[]> {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listTools(cursor === undefined ? {} : { cursor }, options);
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return tools;
  }

  /**
   * Calls a tool. When {@link Client.listTools} saw an `outputSchema` for it, a result without
   * matching `structuredContent` is an `InvalidResultError` (disable with `validateToolResults: false`).
   */
  async callTool(
    params: ClientParams<'tools/call'>,
    options?: RequestOptions,
  ): Promise<CallToolResult> {
    let result = (await this.request('tools/call', params, options)) as CallToolResult;
    // 2026-07-28 with the tasks extension declared: the server may answer with a task; wait for it.
    if ((result as { resultType?: string }).resultType === 'task')
      result = await this.tasks.waitModern(toTaskInfo(result), options ?? {});
    if (this.options.validateToolResults !== false)
      checkToolResult(params.name, this.outputSchemas.get(params.name), result);
    return result;
  }

  private listenAbort?: AbortController;

  /**
   * Sets the lowest log level wanted. Legacy: sends `logging/setLevel`. Modern: the level is
   * sent in the `_meta` of every later request (without it the server sends no log messages).
   */
  async setLoggingLevel(level: LoggingLevel, options?: RequestOptions): Promise<void> {
    if (this.era === 'legacy') await this.request('logging/setLevel', { level }, options);
    this.logLevel = level;
  }

  /** The server's capabilities (from `initialize` or `server/discover`). */
  getServerCapabilities(): ServerCapabilities | undefined {
    return this.serverCapabilities;
  }

  /** The server's identity (`serverInfo`; in 2026-07-28 from the discover result's `_meta`). */
  getServerVersion(): Implementation | undefined {
    return this.serverInfo;
  }

  /** The server's instructions for the model, if it gave any. */
  getInstructions(): string | undefined {
    return this.instructions;
  }

  /** Closes the connection (for stdio: ends stdin, then SIGTERM, then SIGKILL); pending requests fail. */
  async close(): Promise<void> {
    this.listenAbort?.abort();
    await this.session?.close();
  }
}
