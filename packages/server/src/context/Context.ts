import { ErrorCode, McpError, missingCapabilityCode, TASKS_EXTENSION_ID } from '@typemcp/protocol';
import type {
  AuthInfo,
  ClientCapabilities,
  CreateMessageParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
  InputRequest,
  InputRequests,
  InputResponse,
  ListRootsResult,
  Implementation,
  LoggingLevel,
  ReadResourceResult,
  RequestId,
  Root,
} from '@typemcp/protocol';
import type { ContainerInstance } from 'typedi';
import type { RequestContext } from '../dispatch/RequestContext';
import { elicitationSchema } from '../mrtr/elicitationSchema';
import { EscalateToTaskSignal } from '../mrtr/EscalateToTaskSignal';
import { InputRequiredSignal } from '../mrtr/InputRequiredSignal';
import type { FieldError } from '../validation/checkSchema';
import { formatFieldErrors, validateDto } from '../validation/validateArguments';

/** Reads a resource of this server (used by {@link Context.readResource}). */
export type ResourceReader = (uri: string, context: Context) => Promise<ReadResourceResult>;

/**
 * What a tool, resource or prompt method can use during one request: logging, progress, the
 * client's identity and capabilities, cancellation, other resources and the lifespan's
 * services. Declare a parameter of type `Context` and it is injected (never in the schema).
 *
 * @example
 * @Tool()
 * async longTask(files: string[], ctx: Context) {
 *   await ctx.info(`Processing ${files.length} files`);
 *   await ctx.reportProgress(1, files.length);
 * }
 */
export class Context {
  constructor(
    /** The low-level request context. */
    readonly request: RequestContext,
    private readonly container: ContainerInstance,
    private readonly reader: ResourceReader,
  ) {}

  /**
   * The authenticated caller (HTTP with `auth` configured): subject, client id, scopes, claims,
   * expiry and the token; undefined on unauthenticated transports such as stdio.
   */
  get auth(): AuthInfo | undefined {
    return this.request.auth;
  }

  /** The JSON-RPC id of the request. */
  get requestId(): RequestId {
    return this.request.requestId;
  }
  /** Aborted when the client cancels or goes away. */
  get signal(): AbortSignal {
    return this.request.signal;
  }
  /** The protocol version of this request. */
  get protocolVersion(): string {
    return this.request.protocolVersion;
  }
  /** `legacy` or `modern`. */
  get era(): 'legacy' | 'modern' {
    return this.request.era;
  }
  /** The client's identity, if it sent one. */
  get clientInfo(): Implementation | undefined {
    return this.request.clientInfo;
  }
  /** The client's declared capabilities. */
  get clientCapabilities(): ClientCapabilities {
    return this.request.clientCapabilities;
  }

  /** Sends a log message at `level` (only if the client asked for that level). */
  log(level: LoggingLevel, message: unknown, logger?: string): Promise<void> {
    return this.request.log(level, message, logger);
  }
  /** Logs at debug level. */
  debug(message: unknown, logger?: string): Promise<void> {
    return this.log('debug', message, logger);
  }
  /** Logs at info level. */
  info(message: unknown, logger?: string): Promise<void> {
    return this.log('info', message, logger);
  }
  /** Logs at notice level. */
  notice(message: unknown, logger?: string): Promise<void> {
    return this.log('notice', message, logger);
  }
  /** Logs at warning level. */
  warning(message: unknown, logger?: string): Promise<void> {
    return this.log('warning', message, logger);
  }
  /** Logs at error level. */
  error(message: unknown, logger?: string): Promise<void> {
    return this.log('error', message, logger);
  }

  /** Reports progress (sent only if the client asked for progress; values must increase). */
  reportProgress(progress: number, total?: number, message?: string): Promise<void> {
    return this.request.sendProgress(progress, total, message);
  }

  /**
   * Ends this call's SSE stream now and sends the result later (SSE polling, SEP-1699): useful
   * before long work so no connection is held open. The client reconnects after the `retry`
   * interval with `Last-Event-ID` and receives the result there. Only over Streamable HTTP in a
   * 2025-11-25 session with SSE replies; elsewhere it does nothing and returns false.
   *
   * @example
   * ctx.closeSseStream();
   * return await longComputation();
   */
  closeSseStream(): boolean {
    return this.request.closeSseStream?.() ?? false;
  }

  /** Reads one of this server's resources. */
  readResource(uri: string): Promise<ReadResourceResult> {
    return this.reader(uri, this);
  }

  /** The server's typedi container: the lifespan's services and every `@Service()` class. */
  get services(): ContainerInstance {
    return this.container;
  }

  /** A service from the server's container (e.g. one the lifespan provided). */
  get<T>(id: string | (new (...args: never[]) => T) | { name: string }): T {
    return this.container.get(id as never) as T;
  }

  private requireCapability(name: keyof ClientCapabilities, what: string): void {
    if (!this.clientCapabilities[name]) {
      throw new McpError(
        missingCapabilityCode(this.era),
        `The client did not declare the "${name}" capability, so the server cannot ${what}`,
        { requiredCapabilities: { [name]: {} } },
      );
    }
  }

  /**
   * Asks the client several things at once. In a 2026-07-28 request the answers come back on the
   * retry (multi round-trip): the handler runs again from the top, and this call returns them;
   * in a legacy session each request is sent to the client and awaited.
   *
   * @example
   * const { name, roots } = await ctx.ask({
   *   name: { method: 'elicitation/create', params: { message: 'Name?', requestedSchema } },
   *   roots: { method: 'roots/list', params: {} },
   * });
   */
  async ask(requests: InputRequests): Promise<Record<string, InputResponse>> {
    const input = this.request.input;
    if (input) return input.ask(requests);
    const entries = await Promise.all(
      Object.entries(requests).map(async ([key, r]) => {
        const answer = await this.request.sendRequest<InputResponse>(
          r.method,
          (r.params ?? {}) as Record<string, unknown>,
          { signal: this.signal },
        );
        return [key, answer] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  private async askOne<T extends InputResponse>(
    prefix: string,
    key: string | undefined,
    request: InputRequest,
  ): Promise<T> {
    const k = key ?? this.request.input?.nextKey(prefix) ?? prefix;
    return (await this.ask({ [k]: request }))[k] as T;
  }

  /**
   * Asks the user for structured input (elicitation, form mode). Give a DTO class and the answer's
   * content is a validated instance of it (its schema is restricted to what the spec allows), or a
   * plain requested schema. Works in both eras; `key` names the question across rounds of a
   * multi round-trip request (default: `elicit-1`, `elicit-2`...).
   *
   * @example
   * const answer = await ctx.elicit('Book a table?', Booking);
   * if (answer.action === 'accept') book(answer.content); // a Booking instance
   */
  async elicit<T extends object>(
    message: string,
    dto: new () => T,
    options?: { key?: string },
  ): Promise<{ action: ElicitResult['action']; content?: T }>;
  async elicit(
    message: string,
    requestedSchema: Record<string, unknown>,
    options?: { key?: string },
  ): Promise<ElicitResult>;
  async elicit(
    message: string,
    schemaOrDto: Record<string, unknown> | (new () => object),
    options: { key?: string } = {},
  ): Promise<unknown> {
    this.requireCapability('elicitation', 'ask the user for input');
    const dto = typeof schemaOrDto === 'function' ? schemaOrDto : undefined;
    const requestedSchema = dto ? elicitationSchema(dto) : schemaOrDto;
    const result = await this.askOne<ElicitResult>('elicit', options.key, {
      method: 'elicitation/create',
      params: { message, requestedSchema } as ElicitRequestFormParams,
    });
    if (!dto || result.action !== 'accept') return result;
    const errors: FieldError[] = [];
    const content = await validateDto(dto, result.content ?? {}, '', errors);
    if (errors.length) {
      throw new McpError(
        ErrorCode.InvalidParams,
        formatFieldErrors(`the elicitation answer (${dto.name})`, errors),
      );
    }
    return { ...result, content };
  }

  /**
   * Continues as a task (io.modelcontextprotocol/tasks): in a synchronous run the client gets a
   * `CreateTaskResult` and the handler runs again from the top as the task, with every answer
   * gathered so far; in the task run this returns at once. Without the client's tasks support it
   * does nothing. Use with `@Tool({ task: 'required', taskStart: 'explicit' })`.
   */
  async runAsTask(): Promise<void> {
    if (this.request.taskMode) return;
    const extensions = this.clientCapabilities.extensions;
    if (extensions?.[TASKS_EXTENSION_ID] === undefined) return;
    throw new EscalateToTaskSignal();
  }

  /** Sends the user to a URL (URL-mode elicitation). */
  async elicitUrl(
    message: string,
    url: string,
    options: { key?: string; elicitationId?: string } = {},
  ): Promise<ElicitResult> {
    if (!(this.clientCapabilities.elicitation as { url?: unknown } | undefined)?.url) {
      throw new McpError(
        missingCapabilityCode(this.era),
        'The client did not declare URL-mode elicitation (capabilities.elicitation.url), so the server cannot send the user to a URL',
        { requiredCapabilities: { elicitation: { url: {} } } },
      );
    }
    const params: ElicitRequestURLParams = { mode: 'url', message, url };
    if (this.era === 'legacy') {
      params.elicitationId = options.elicitationId ?? `${String(this.requestId)}-${Date.now()}`;
      this.request.connection.urlElicitations.add(params.elicitationId);
    }
    return this.askOne<ElicitResult>('elicit-url', options.key, {
      method: 'elicitation/create',
      params,
    });
  }

  /**
   * Ends this request because the user must first visit a URL (2025-11-25: the -32042
   * URLElicitationRequired error listing the elicitation; the client retries once the server
   * sends `notifications/elicitation/complete`, see `McpApp.completeUrlElicitation`). In the
   * 2026-07-28 era the same need is an input request of the multi round-trip instead.
   *
   * @example
   * if (!authorized(user)) ctx.requireUrlElicitation('Sign in to continue', signInUrl, id);
   */
  requireUrlElicitation(message: string, url: string, elicitationId: string): never {
    const capability = this.clientCapabilities.elicitation as { url?: unknown } | undefined;
    if (!capability?.url) {
      throw new McpError(
        missingCapabilityCode(this.era),
        'The client did not declare URL-mode elicitation, so the server cannot send the user to a URL',
        { requiredCapabilities: { elicitation: { url: {} } } },
      );
    }
    if (this.era === 'modern') {
      throw new InputRequiredSignal({
        [elicitationId]: { method: 'elicitation/create', params: { mode: 'url', message, url } },
      });
    }
    this.request.connection.urlElicitations.add(elicitationId);
    throw new McpError(ErrorCode.UrlElicitationRequired, message, {
      elicitations: [{ mode: 'url', message, url, elicitationId }],
    });
  }

  /** Asks the client's model for a completion (sampling). */
  async sample(
    messagesOrText: string | CreateMessageParams['messages'],
    options: Omit<CreateMessageParams, 'messages' | 'maxTokens'> & {
      maxTokens?: number;
      key?: string;
    } = {},
  ): Promise<CreateMessageResult> {
    this.requireCapability('sampling', 'sample the client model');
    const { key, ...rest } = options;
    const messages =
      typeof messagesOrText === 'string'
        ? [{ role: 'user' as const, content: { type: 'text' as const, text: messagesOrText } }]
        : messagesOrText;
    return this.askOne<CreateMessageResult>('sample', key, {
      method: 'sampling/createMessage',
      params: { ...rest, messages, maxTokens: rest.maxTokens ?? 1000 },
    });
  }

  /** Lists the client's roots. */
  async listRoots(options: { key?: string } = {}): Promise<Root[]> {
    this.requireCapability('roots', 'list the client roots');
    const result = await this.askOne<ListRootsResult>('roots', options.key, {
      method: 'roots/list',
      params: {},
    });
    return result.roots;
  }
}
