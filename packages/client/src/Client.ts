import {
  ErrorCode,
  LATEST_LEGACY_PROTOCOL_VERSION,
  LATEST_PROTOCOL_VERSION,
  LEGACY_PROTOCOL_VERSIONS,
  McpError,
  MODERN_PROTOCOL_VERSIONS,
  RequestTimeoutError,
  Session,
} from '@typemcp/protocol';
import type {
  CallToolParams,
  CallToolResult,
  ClientRequestMethods,
  CompleteParams,
  CompleteResult,
  DiscoverResult,
  GetPromptParams,
  GetPromptResult,
  Implementation,
  InitializeResult,
  InputRequiredResult,
  JSONRPCNotification,
  ListPromptsResult,
  ListResourceTemplatesResult,
  ListResourcesResult,
  ListToolsResult,
  LoggingLevel,
  PaginatedRequestParams,
  ProtocolEra,
  ReadResourceParams,
  ReadResourceResult,
  RequestOptions,
  ServerCapabilities,
  ServerRequestMethods,
  Tool,
  Transport,
} from '@typemcp/protocol';
import { answerInputRequests } from './answerInputRequests';
import { toolParamHeaders } from './toolParamHeaders';
import type { ClientRequestHandler } from './answerInputRequests';
import type { ClientOptions } from './ClientOptions';
import { InvalidResultError, NotConnectedError, ProtocolNegotiationError } from './errors/ClientErrors';

type Params<M extends keyof ClientRequestMethods> = Omit<ClientRequestMethods[M]['params'], '_meta'> & {
  _meta?: Record<string, unknown>;
};
type NotificationListener = (params: Record<string, unknown>) => void;

/** Transports that can tell the server the negotiated version (HTTP) or open a GET stream. */
interface VersionAwareTransport {
  setProtocolVersion?(version: string): void;
  setToolParamHeaders?(tool: string, headers: Record<string, string>): void;
  openStandaloneStream?(): Promise<boolean>;
  closeReason?: string;
}

const MULTI_ROUND_METHODS = new Set(['tools/call', 'prompts/get', 'resources/read']);

/**
 * An MCP client for both protocol eras. `connect()` finds the server's era as the spec says
 * (probe `server/discover`, fall back to `initialize`); every method then speaks that era:
 * modern requests carry their `_meta`, multi round-trip requests are answered by the same
 * handlers that answer legacy server-to-client requests.
 *
 * @example
 * const client = new Client({ name: 'my-app', version: '1.0.0' });
 * await client.connect(new StdioClientTransport({ command: 'npx', args: ['ts-node', 'server.ts'] }));
 * const { tools } = await client.listTools();
 * const result = await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
 */
export class Client {
  private session?: Session;
  private transport?: Transport & VersionAwareTransport;
  private readonly handlers = new Map<string, ClientRequestHandler>();
  private readonly listeners = new Map<string, Set<NotificationListener>>();
  private modernMeta?: Record<string, unknown>;
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

  constructor(
    readonly clientInfo: Implementation,
    private readonly options: ClientOptions = {},
  ) {
    this.logLevel = options.logLevel;
  }

  /** The capabilities this client declares. */
  get capabilities(): NonNullable<ClientOptions['capabilities']> {
    return this.options.capabilities ?? {};
  }

  /**
   * Answers a server-to-client request (legacy era) and the matching input requests of a
   * multi round-trip request (modern era).
   */
  setRequestHandler<M extends keyof ServerRequestMethods>(
    method: M,
    handler: (
      params: ServerRequestMethods[M]['params'],
      context: { signal: AbortSignal },
    ) => ServerRequestMethods[M]['result'] | Promise<ServerRequestMethods[M]['result']>,
  ): void {
    this.handlers.set(method, handler as ClientRequestHandler);
  }

  /** Listens to a server notification (e.g. `notifications/message`, `notifications/tools/list_changed`). */
  onNotification(method: string, listener: NotificationListener): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(listener);
    return () => set?.delete(listener);
  }

  /** Connects over `transport`, detecting the server's protocol era. */
  async connect(transport: Transport): Promise<void> {
    this.transport = transport as Transport & VersionAwareTransport;
    const session = new Session(transport, {
      defaultTimeoutMs: this.options.requestTimeoutMs,
      onrequest: (request, context) => this.answerServerRequest(request.method, request.params ?? {}, context.signal),
      onnotification: (notification) => this.dispatchNotification(notification),
      describeClose: () => (transport as VersionAwareTransport).closeReason ?? 'the transport closed',
    });
    this.session = session;
    await session.start();
    const mode = this.options.mode ?? 'auto';
    if (mode !== 'legacy' && (await this.tryModern(mode === 'modern'))) return;
    await this.initializeLegacy();
  }

  private buildModernMeta(version: string): Record<string, unknown> {
    const meta: Record<string, unknown> = {
      'io.modelcontextprotocol/protocolVersion': version,
      'io.modelcontextprotocol/clientCapabilities': this.capabilities,
      'io.modelcontextprotocol/clientInfo': this.clientInfo,
    };
    return meta;
  }

  private async tryModern(required: boolean): Promise<boolean> {
    const session = this.requireSession();
    let version = LATEST_PROTOCOL_VERSION;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const result = await session.request<DiscoverResult>(
          'server/discover',
          { _meta: this.buildModernMeta(version) },
          { timeoutMs: this.options.probeTimeoutMs ?? 3000 },
        );
        const versions = Array.isArray(result.supportedVersions) ? result.supportedVersions : [];
        if (!versions.includes(version)) {
          const mutual = versions.find((v) => MODERN_PROTOCOL_VERSIONS.includes(v));
          if (!mutual) throw new ProtocolNegotiationError(`The server supports none of our modern versions (${versions.join(', ')})`);
          version = mutual;
        }
        this.becomeModern(version, result);
        return true;
      } catch (error) {
        if (error instanceof McpError && error.code === ErrorCode.UnsupportedProtocolVersion) {
          const supported = (error.data as { supported?: unknown } | undefined)?.supported;
          const mutual = Array.isArray(supported) ? supported.find((v) => MODERN_PROTOCOL_VERSIONS.includes(v as string)) : undefined;
          if (typeof mutual === 'string' && mutual !== version) {
            version = mutual;
            continue;
          }
        }
        if (required) {
          throw new ProtocolNegotiationError(
            `The server does not speak protocol ${LATEST_PROTOCOL_VERSION}: ${(error as Error).message}`,
          );
        }
        if (!(error instanceof McpError || error instanceof RequestTimeoutError)) throw error;
        return false;
      }
    }
    if (required) throw new ProtocolNegotiationError('The server offered no modern protocol version');
    return false;
  }

  private becomeModern(version: string, result: DiscoverResult): void {
    this.era = 'modern';
    this.protocolVersion = version;
    this.modernMeta = this.buildModernMeta(version);
    this.discoverResult = result;
    this.serverCapabilities = result.capabilities;
    this.instructions = result.instructions;
    this.serverInfo = result._meta?.['io.modelcontextprotocol/serverInfo'] as Implementation | undefined;
    this.transport?.setProtocolVersion?.(version);
  }

  private async initializeLegacy(): Promise<void> {
    const session = this.requireSession();
    const result = await session.request<InitializeResult>('initialize', {
      protocolVersion: LATEST_LEGACY_PROTOCOL_VERSION,
      capabilities: this.capabilities,
      clientInfo: this.clientInfo,
    });
    if (!LEGACY_PROTOCOL_VERSIONS.includes(result.protocolVersion)) {
      await this.close();
      throw new ProtocolNegotiationError(`The server answered with protocol ${result.protocolVersion}, which this client does not support`);
    }
    this.era = 'legacy';
    this.protocolVersion = result.protocolVersion;
    this.serverCapabilities = result.capabilities;
    this.serverInfo = result.serverInfo;
    this.instructions = result.instructions;
    this.transport?.setProtocolVersion?.(result.protocolVersion);
    await session.notify('notifications/initialized');
    if (this.logLevel && result.capabilities?.logging) await this.setLoggingLevel(this.logLevel);
    await this.transport?.openStandaloneStream?.().catch(() => false);
  }

  private requireSession(): Session {
    if (!this.session || this.session.isClosed) throw new NotConnectedError();
    return this.session;
  }

  private async answerServerRequest(method: string, params: Record<string, unknown>, signal: AbortSignal): Promise<Record<string, unknown>> {
    if (method === 'ping') return {};
    const handler = this.handlers.get(method);
    if (!handler) throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
    return (await handler(params, { signal })) as Record<string, unknown>;
  }

  private dispatchNotification(notification: JSONRPCNotification): void {
    const set = this.listeners.get(notification.method);
    if (!set) return;
    for (const listener of set) listener(notification.params ?? {});
  }

  /** Sends any request in the agreed era and returns its (complete) result. */
  async request<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<T> {
    const session = this.requireSession();
    if (this.era !== 'modern') {
      try {
        return await session.request<T>(method, params, options);
      } catch (error) {
        // HTTP: the server ended our session (404). Initialize a new one and retry once.
        if (!(error instanceof McpError) || (error.data as { sessionExpired?: boolean } | undefined)?.sessionExpired !== true) throw error;
        await this.initializeLegacy();
        return session.request<T>(method, params, options);
      }
    }
    let current = { ...params, _meta: this.requestMeta(params._meta as Record<string, unknown> | undefined) };
    const maxRounds = this.options.maxInputRounds ?? 8;
    for (let round = 0; ; round++) {
      const result = await session.request<Record<string, unknown>>(method, current, options);
      const type = result.resultType ?? 'complete';
      if (type === 'complete') return result as T;
      if (type !== 'input_required' || !MULTI_ROUND_METHODS.has(method)) {
        throw new InvalidResultError(`The server answered ${method} with an unknown resultType ${JSON.stringify(type)}`);
      }
      if (round + 1 >= maxRounds) throw new InvalidResultError(`${method} still needed input after ${maxRounds} rounds`);
      const input = result as InputRequiredResult;
      const signal = options.signal ?? new AbortController().signal;
      const next: Record<string, unknown> = { ...params, _meta: current._meta };
      if (input.inputRequests) next.inputResponses = await answerInputRequests(input.inputRequests, this.handlers, signal);
      if (input.requestState !== undefined) next.requestState = input.requestState;
      current = next as typeof current;
    }
  }

  private requestMeta(extra?: Record<string, unknown>): Record<string, unknown> {
    const meta = { ...this.modernMeta, ...extra };
    if (this.logLevel) meta['io.modelcontextprotocol/logLevel'] = this.logLevel;
    return meta;
  }

  /** Checks the server is alive (legacy `ping`; modern: `server/discover`). */
  async ping(options?: RequestOptions): Promise<Record<string, unknown>> {
    if (this.era === 'modern') {
      await this.request('server/discover', {}, options);
      return {};
    }
    return this.request('ping', {}, options);
  }

  /** `server/discover` (modern era). */
  discover(options?: RequestOptions): Promise<DiscoverResult> {
    return this.request<DiscoverResult>('server/discover', {}, options);
  }

  /**
   * One page of `tools/list`. Over HTTP, tools whose `x-mcp-header` declarations break the rules
   * are left out (the spec requires it), and the others' headers are mirrored on each call.
   */
  async listTools(params: PaginatedRequestParams = {}, options?: RequestOptions): Promise<ListToolsResult> {
    const result = await this.request<ListToolsResult>('tools/list', { ...params }, options);
    const transport = this.transport;
    if (!transport?.setToolParamHeaders || !Array.isArray(result.tools)) return result;
    const kept = result.tools.filter((tool) => {
      const headers = toolParamHeaders(tool);
      if (headers) transport.setToolParamHeaders?.(tool.name, headers);
      return headers !== null;
    });
    return { ...result, tools: kept };
  }

  /** Every tool, following `nextCursor`. */
  async listAllTools(options?: RequestOptions): Promise<Tool[]> {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listTools(cursor ? { cursor } : {}, options);
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    return tools;
  }

  /** Calls a tool. */
  callTool(params: Params<'tools/call'> & CallToolParams, options?: RequestOptions): Promise<CallToolResult> {
    return this.request<CallToolResult>('tools/call', { ...params }, options);
  }

  /** One page of `resources/list`. */
  listResources(params: PaginatedRequestParams = {}, options?: RequestOptions): Promise<ListResourcesResult> {
    return this.request<ListResourcesResult>('resources/list', { ...params }, options);
  }

  /** One page of `resources/templates/list`. */
  listResourceTemplates(params: PaginatedRequestParams = {}, options?: RequestOptions): Promise<ListResourceTemplatesResult> {
    return this.request<ListResourceTemplatesResult>('resources/templates/list', { ...params }, options);
  }

  /** Reads a resource. */
  readResource(params: ReadResourceParams, options?: RequestOptions): Promise<ReadResourceResult> {
    return this.request<ReadResourceResult>('resources/read', { ...params }, options);
  }

  /** Subscribes to a resource's updates (legacy era). */
  subscribeResource(params: { uri: string }, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.request('resources/subscribe', { ...params }, options);
  }

  /** Ends a resource subscription (legacy era). */
  unsubscribeResource(params: { uri: string }, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.request('resources/unsubscribe', { ...params }, options);
  }

  /** One page of `prompts/list`. */
  listPrompts(params: PaginatedRequestParams = {}, options?: RequestOptions): Promise<ListPromptsResult> {
    return this.request<ListPromptsResult>('prompts/list', { ...params }, options);
  }

  /** Gets a prompt. */
  getPrompt(params: GetPromptParams, options?: RequestOptions): Promise<GetPromptResult> {
    return this.request<GetPromptResult>('prompts/get', { ...params }, options);
  }

  /** Asks for completions of an argument. */
  complete(params: CompleteParams, options?: RequestOptions): Promise<CompleteResult> {
    return this.request<CompleteResult>('completion/complete', { ...params }, options);
  }

  /** Sets the log level (legacy: `logging/setLevel`; modern: sent with every later request). */
  async setLoggingLevel(level: LoggingLevel, options?: RequestOptions): Promise<void> {
    this.logLevel = level;
    if (this.era === 'legacy') await this.request('logging/setLevel', { level }, options);
  }

  /** The server's capabilities. */
  getServerCapabilities(): ServerCapabilities | undefined {
    return this.serverCapabilities;
  }

  /** The server's identity (`serverInfo`). */
  getServerVersion(): Implementation | undefined {
    return this.serverInfo;
  }

  /** The server's instructions. */
  getInstructions(): string | undefined {
    return this.instructions;
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.session?.close();
  }
}
