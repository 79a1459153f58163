import { ErrorCode, META_PROTOCOL_VERSION, validateMessage } from '@typemcp/protocol';
import type { OAuthClientProvider } from '../../auth/OAuthClientProvider';
import { withOAuth } from '../../auth/withOAuth';
import type {
  JSONRPCMessage,
  JSONRPCRequest,
  MessageExtra,
  RequestId,
  Transport,
} from '@typemcp/protocol';
import { encodeHeaderValue } from './encodeHeaderValue';
import { ResponseTooLargeError } from '../../errors/ResponseTooLargeError';
import { DEFAULT_MAX_RESPONSE_BYTES, fetchChecked, readTextLimited } from './httpLimits';
import type { HttpClientLimits } from './httpLimits';
import { parseSse } from './parseSse';

/** Reconnection of a broken SSE stream (legacy Streamable HTTP resumability). */
export interface ReconnectionOptions {
  /** First wait before reconnecting, in ms (default 1000). */
  initialDelayMs: number;
  /** Longest wait between attempts (default 30000). */
  maxDelayMs: number;
  /** Growth factor of the wait (default 1.5). */
  growFactor: number;
  /** Attempts before giving up (default 2). */
  maxRetries: number;
}

/** Options of {@link StreamableHTTPClientTransport}. */
export interface StreamableHTTPClientTransportOptions extends HttpClientLimits {
  /** A custom fetch (default: the global one). */
  fetch?: typeof fetch;
  /**
   * Log in with OAuth when the server asks (401, or 403 `insufficient_scope` for step-up):
   * discovery, registration, PKCE, tokens, refresh. See docs/auth.md.
   */
  authProvider?: OAuthClientProvider;
  /** Headers added to every request (e.g. Authorization). */
  headers?: Record<string, string>;
  /** Reconnection settings for broken streams. */
  reconnection?: Partial<ReconnectionOptions>;
  /** Resume the session with this id (legacy). */
  sessionId?: string;
}

/** The server answered with an HTTP error and no JSON-RPC body. */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

const NAMED_METHODS: Record<string, 'name' | 'uri'> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};

/**
 * The client side of Streamable HTTP, for both eras: modern (2026-07-28) requests are plain
 * POSTs with the `MCP-Protocol-Version`, `Mcp-Method` and `Mcp-Name` headers; legacy sessions
 * carry `Mcp-Session-Id`, open the standalone GET stream, resume broken streams with
 * `Last-Event-ID` and end with DELETE.
 *
 * @example
 * const client = new Client({ name: 'me', version: '1.0.0' });
 * await client.connect(new StreamableHTTPClientTransport(new URL('http://127.0.0.1:3000/mcp')));
 */
export class StreamableHTTPClientTransport implements Transport {
  private readonly fetchImpl: typeof fetch;
  private readonly reconnection: ReconnectionOptions;
  private readonly controllers = new Set<AbortController>();
  private closed = false;
  /** The legacy session id, once the server assigned one. */
  sessionId?: string;
  /** The negotiated protocol version (legacy), sent as `MCP-Protocol-Version`. */
  protocolVersion?: string;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;
  /**
   * Sees a request's HTTP failure that carried no JSON-RPC body before it is turned into an
   * error response; returning true means it was handled (used for transport fallback).
   */
  onhttperror?: (request: JSONRPCRequest, status: number) => boolean | Promise<boolean>;

  constructor(
    readonly url: URL,
    private readonly options: StreamableHTTPClientTransportOptions = {},
  ) {
    this.fetchImpl = options.authProvider
      ? withOAuth(url, options.authProvider, options.fetch ?? fetch)
      : (options.fetch ?? fetch);
    this.sessionId = options.sessionId;
    this.reconnection = {
      initialDelayMs: 1000,
      maxDelayMs: 30_000,
      growFactor: 1.5,
      maxRetries: 2,
      ...options.reconnection,
    };
  }

  async start(): Promise<void> {
    // Nothing to open: every message is its own POST.
  }

  /** Fetches the endpoint, following same-origin redirects only (see `crossOriginRedirects`). */
  private fetch(init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
    return fetchChecked(this.fetchImpl, this.url, init, this.options, this.options.headers);
  }

  private readonly paramHeaders = new Map<string, Record<string, string>>();

  /** Remembers a tool's `x-mcp-header` arguments so calls mirror them into `Mcp-Param-*`. */
  setToolParamHeaders(tool: string, headers: Record<string, string>): void {
    this.paramHeaders.set(tool, headers);
  }

  /** Sets the version sent in `MCP-Protocol-Version` (the client calls this after `initialize`). */
  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  private baseHeaders(): Record<string, string> {
    const headers: Record<string, string> = { ...this.options.headers };
    if (this.sessionId) headers['mcp-session-id'] = this.sessionId;
    if (this.protocolVersion) headers['mcp-protocol-version'] = this.protocolVersion;
    return headers;
  }

  private modernHeaders(message: JSONRPCMessage, headers: Record<string, string>): void {
    if (!('method' in message)) return;
    const meta = message.params?._meta as Record<string, unknown> | undefined;
    const version = meta?.[META_PROTOCOL_VERSION];
    if (typeof version !== 'string') return;
    headers['mcp-protocol-version'] = version;
    headers['mcp-method'] = message.method;
    const field = NAMED_METHODS[message.method];
    const name = field ? message.params?.[field] : undefined;
    if (typeof name === 'string') headers['mcp-name'] = encodeHeaderValue(name);
    const mirrored =
      message.method === 'tools/call' && typeof name === 'string'
        ? this.paramHeaders.get(name)
        : undefined;
    if (mirrored) {
      const args = (message.params?.arguments ?? {}) as Record<string, unknown>;
      for (const [argument, header] of Object.entries(mirrored)) {
        const value = args[argument];
        if (value === undefined || value === null) continue;
        headers[`mcp-param-${header.toLowerCase()}`] = encodeHeaderValue(String(value));
      }
    }
  }

  private readonly requestStreams = new Map<RequestId, AbortController>();

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('Transport is closed');
    if ('method' in message && message.method === 'notifications/cancelled' && !('id' in message)) {
      // A modern request is cancelled by closing its stream (2026-07-28); a legacy one by the notification.
      const stream = this.requestStreams.get(message.params?.requestId as RequestId);
      if (stream && !this.sessionId) {
        stream.abort();
        return;
      }
    }
    const headers = this.baseHeaders();
    headers['content-type'] = 'application/json';
    headers.accept = 'application/json, text/event-stream';
    this.modernHeaders(message, headers);
    const controller = new AbortController();
    this.controllers.add(controller);
    let response: Response;
    try {
      response = await this.fetch({
        method: 'POST',
        headers,
        body: JSON.stringify(message),
        signal: controller.signal,
      });
    } catch (error) {
      this.controllers.delete(controller);
      throw error;
    }
    const sessionId = response.headers.get('mcp-session-id');
    if (sessionId) this.sessionId = sessionId;
    if (response.status === 404 && this.sessionId && headers['mcp-session-id']) {
      // The session ended on the server: tell the client, which must initialize again (spec 2025-11-25).
      this.controllers.delete(controller);
      await response.body?.cancel();
      this.sessionId = undefined;
      const request404 =
        'method' in message && 'id' in message ? (message as JSONRPCRequest) : undefined;
      if (request404) {
        this.onmessage?.({
          jsonrpc: '2.0',
          id: request404.id,
          error: {
            code: ErrorCode.InvalidRequest,
            message: 'Session expired: the server no longer knows this session',
            data: { httpStatus: 404, sessionExpired: true },
          },
        });
      }
      return;
    }
    const request =
      'method' in message && 'id' in message ? (message as JSONRPCRequest) : undefined;
    if (response.status === 202) {
      this.controllers.delete(controller);
      await response.body?.cancel();
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/event-stream') && response.body) {
      if (request) this.requestStreams.set(request.id, controller);
      void this.readStream(response.body, controller, request, false).finally(() => {
        if (request && this.requestStreams.get(request.id) === controller)
          this.requestStreams.delete(request.id);
      });
      return;
    }
    this.controllers.delete(controller);
    const text = await readTextLimited(
      response,
      this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    );
    if (type.includes('application/json') && text) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const decoded = parsed === undefined ? undefined : validateMessage(parsed);
      if (decoded?.ok) {
        const m = decoded.message;
        // An HTTP error body without an id answers the request we sent.
        if ('error' in m && m.id === undefined && request) m.id = request.id;
        if (response.status === 404 && this.sessionId && 'error' in m) this.sessionId = undefined;
        this.onmessage?.(m);
        return;
      }
    }
    if (response.status === 404 && this.sessionId) this.sessionId = undefined;
    const error = new HttpStatusError(response.status, text);
    if (request && !response.ok && (await this.onhttperror?.(request, response.status))) return;
    if (request && !response.ok) {
      this.onmessage?.({
        jsonrpc: '2.0',
        id: request.id,
        error: {
          code: ErrorCode.InternalError,
          message: error.message,
          data: { httpStatus: response.status },
        },
      });
      return;
    }
    if (!response.ok) throw error;
  }

  /**
   * Opens the legacy standalone GET stream for server-initiated messages. Resolves false when
   * the server offers none (405).
   */
  async openStandaloneStream(lastEventId?: string): Promise<boolean> {
    const headers = this.baseHeaders();
    headers.accept = 'text/event-stream';
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const controller = new AbortController();
    this.controllers.add(controller);
    const response = await this.fetch({ method: 'GET', headers, signal: controller.signal }).catch(
      (error: Error) => {
        this.controllers.delete(controller);
        throw error;
      },
    );
    if (!response.ok || !response.body) {
      this.controllers.delete(controller);
      await response.body?.cancel();
      if (response.status === 405) return false;
      throw new HttpStatusError(response.status, '');
    }
    void this.readStream(response.body, controller, undefined, true);
    return true;
  }

  private async readStream(
    body: ReadableStream<Uint8Array>,
    controller: AbortController,
    request: JSONRPCRequest | undefined,
    standalone: boolean,
  ): Promise<void> {
    let lastEventId: string | undefined;
    let retryMs: number | undefined;
    let answered = false;
    try {
      for await (const event of parseSse(body, controller.signal, this.options.maxSseEventBytes)) {
        if (event.id !== undefined) lastEventId = event.id;
        if (event.retry !== undefined) retryMs = event.retry;
        if (event.event !== 'message' || event.data === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(event.data);
        } catch {
          this.onerror?.(new Error(`Invalid JSON in SSE event: ${event.data.slice(0, 100)}`));
          continue;
        }
        const decoded = validateMessage(parsed);
        if (!decoded.ok) {
          this.onerror?.(new Error(decoded.response.error.message));
          continue;
        }
        if (request && !('method' in decoded.message) && decoded.message.id === request.id)
          answered = true;
        this.onmessage?.(decoded.message);
      }
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        // answered with the local error; resuming would fetch the same event again
        if (request && !answered) {
          this.onmessage?.({
            jsonrpc: '2.0',
            id: request.id,
            error: {
              code: ErrorCode.InternalError,
              message: error.message,
              data: { limit: error.limit, value: error.value },
            },
          });
        } else this.onerror?.(error);
        this.controllers.delete(controller);
        return;
      }
      if (!controller.signal.aborted) this.onerror?.(error as Error);
    } finally {
      this.controllers.delete(controller);
    }
    if (this.closed || controller.signal.aborted) return;
    // Resume a stream that ended before its answer (or the standalone stream) with Last-Event-ID.
    if ((standalone || (request && !answered)) && lastEventId !== undefined && this.sessionId) {
      await this.resume(lastEventId, retryMs);
    }
  }

  private async resume(lastEventId: string, retryMs?: number): Promise<void> {
    let delay = retryMs ?? this.reconnection.initialDelayMs;
    for (let attempt = 0; attempt < this.reconnection.maxRetries && !this.closed; attempt++) {
      await new Promise((r) => setTimeout(r, delay));
      if (this.closed) return;
      try {
        if (await this.openStandaloneStream(lastEventId)) return;
        return;
      } catch (error) {
        this.onerror?.(error as Error);
      }
      delay = Math.min(delay * this.reconnection.growFactor, this.reconnection.maxDelayMs);
    }
  }

  /** Ends the legacy session with DELETE (405 is fine). */
  async terminateSession(): Promise<void> {
    if (!this.sessionId) return;
    const response = await this.fetch({ method: 'DELETE', headers: this.baseHeaders() });
    await response.body?.cancel();
    if (response.ok || response.status === 405 || response.status === 404)
      this.sessionId = undefined;
    else throw new HttpStatusError(response.status, '');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.terminateSession().catch(() => undefined);
    this.closed = true;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
    this.onclose?.();
  }
}
