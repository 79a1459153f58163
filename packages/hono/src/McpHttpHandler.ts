import { randomUUID } from 'node:crypto';
import { ErrorCode, LEGACY_PROTOCOL_VERSIONS, McpError } from '@typemcp/protocol';
import type { AuthInfo, JSONRPCMessage, JSONRPCRequest, MessageExtra } from '@typemcp/protocol';
import { readModernMeta } from '@typemcp/server';
import type { Server } from '@typemcp/server';
import { errorResponse, jsonResponse, modernStatusFor } from './httpErrors';
import type { McpHttpOptions } from './McpHttpOptions';
import { readMessage } from './readBody';
import { hostAllowed, originAllowed } from './security/SecurityOptions';
import { checkModernHeaders } from './streamable/checkModernHeaders';
import type { EventStore } from './streamable/EventStore';
import { ExchangeTransport } from './streamable/ExchangeTransport';
import { HttpSession } from './streamable/HttpSession';
import { InMemoryEventStore } from './streamable/InMemoryEventStore';
import { SSE_HEADERS, SseWriter } from './streamable/SseWriter';
import { LegacySseSessions } from './legacySse/LegacySseSessions';

const META_VERSION = 'io.modelcontextprotocol/protocolVersion';

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => (out[key] = value));
  return out;
}

function accepts(request: Request, type: string): boolean {
  const accept = request.headers.get('accept') ?? '';
  return accept.includes(type) || accept.includes('*/*');
}

/**
 * The HTTP engine of TypeMCP, on web-standard Request/Response only: Streamable HTTP for both
 * eras on one endpoint (stateless 2026-07-28 requests, legacy sessions), and the legacy HTTP+SSE
 * transport, with Origin/Host checks and body limits. Adapters (mcpApp) only route to it.
 *
 * @example
 * const handler = new McpHttpHandler(server);
 * const response = await handler.handle(request, 'mcp');
 */
export class McpHttpHandler {
  readonly sessions = new Map<string, HttpSession>();
  readonly legacySse: LegacySseSessions;
  private readonly eventStore?: EventStore;
  private sweeper?: ReturnType<typeof setInterval>;
  private closing = false;
  private exchanges = 0;
  private drained?: () => void;

  constructor(
    readonly server: Server,
    readonly options: McpHttpOptions = {},
  ) {
    this.eventStore = options.eventStore === false ? undefined : (options.eventStore ?? new InMemoryEventStore());
    this.legacySse = new LegacySseSessions(server, options.keepAliveMs ?? 15_000);
    const idle = options.sessionIdleTimeoutMs ?? 30 * 60_000;
    this.sweeper = setInterval(() => this.evictIdle(idle), Math.max(50, Math.min(idle / 2, 60_000)));
    this.sweeper.unref?.();
  }

  /** Ends sessions idle for longer than `idleMs` (no request and no open stream). */
  evictIdle(idleMs: number): number {
    const now = Date.now();
    let evicted = 0;
    for (const session of this.sessions.values()) {
      if (now - session.lastActivity > idleMs && session.openStreams === 0) {
        void session.close();
        evicted++;
      }
    }
    return evicted;
  }

  /** Requests being answered now (stateless exchanges until their reply is complete). */
  get inflight(): number {
    return this.exchanges;
  }

  private exchangeDone(): void {
    if (--this.exchanges === 0) this.drained?.();
  }

  /** Resolves once no request is being answered (or after `timeoutMs`). */
  async drain(timeoutMs: number): Promise<void> {
    if (this.exchanges === 0) return;
    await Promise.race([new Promise<void>((r) => (this.drained = r)), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  /** Stops accepting sessions and closes every session and stream. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    await this.legacySse.close();
  }

  /** Checks Origin and Host; a Response when the request must be refused. */
  private guard(request: Request): Response | undefined {
    const host = request.headers.get('host');
    if (!originAllowed(request.headers.get('origin'), host, this.options)) {
      return errorResponse(403, ErrorCode.InvalidRequest, 'Forbidden: Origin not allowed');
    }
    if (!hostAllowed(host, this.options)) {
      return errorResponse(403, ErrorCode.InvalidRequest, `Forbidden: Host ${JSON.stringify(host)} not allowed`);
    }
    return undefined;
  }

  /** Serves one HTTP request for the Streamable HTTP endpoint (`mcp`) or HTTP+SSE (`sse`, `messages`). */
  async handle(request: Request, route: 'mcp' | 'sse' | 'messages', auth?: AuthInfo): Promise<Response> {
    const refused = this.guard(request);
    if (refused) return refused;
    try {
      if (route === 'sse') return request.method === 'GET' ? this.legacySse.open(request, this.messagesUrl(request)) : this.notAllowed('GET');
      if (route === 'messages') return request.method === 'POST' ? this.legacySse.post(request, this.options.maxBodyBytes ?? 4 << 20, auth) : this.notAllowed('POST');
      switch (request.method) {
        case 'POST':
          return await this.post(request, auth);
        case 'GET':
          return await this.get(request);
        case 'DELETE':
          return await this.delete(request);
        default:
          return this.notAllowed(this.options.statelessOnly ? 'POST' : 'GET, POST, DELETE');
      }
    } catch (error) {
      this.server.reportError(error as Error);
      return errorResponse(500, ErrorCode.InternalError, 'Internal error');
    }
  }

  private messagesUrl(request: Request): string {
    const path = new URL(request.url).pathname;
    const ssePath = this.options.ssePath || '/sse';
    const prefix = path.endsWith(ssePath) ? path.slice(0, path.length - ssePath.length) : '';
    return `${prefix}${this.options.messagesPath ?? '/messages'}`;
  }

  private notAllowed(allow: string): Response {
    return errorResponse(405, ErrorCode.InvalidRequest, 'Method Not Allowed', undefined, undefined, { allow });
  }

  private async post(request: Request, auth?: AuthInfo): Promise<Response> {
    const type = request.headers.get('content-type') ?? '';
    if (!type.toLowerCase().includes('application/json')) {
      return errorResponse(415, ErrorCode.InvalidRequest, 'Unsupported Media Type: Content-Type must be application/json');
    }
    if (!accepts(request, 'application/json') || !accepts(request, 'text/event-stream')) {
      return errorResponse(406, ErrorCode.InvalidRequest, 'Not Acceptable: Accept must list application/json and text/event-stream');
    }
    const message = await readMessage(request, this.options.maxBodyBytes ?? 4 << 20);
    if (message instanceof Response) return message;
    const extra: MessageExtra = { headers: headerRecord(request.headers), auth };
    const meta = 'method' in message ? (message.params?._meta as Record<string, unknown> | undefined) : undefined;
    const headerVersion = request.headers.get('mcp-protocol-version');
    const modern =
      (meta !== undefined && typeof meta === 'object' && meta !== null && META_VERSION in meta) ||
      (headerVersion !== null && !LEGACY_PROTOCOL_VERSIONS.includes(headerVersion));
    if (modern || this.options.statelessOnly) {
      if (!('method' in message)) return errorResponse(400, ErrorCode.InvalidRequest, 'Clients send requests and notifications only');
      if (!('id' in message)) return new Response(null, { status: 202 });
      if (message.method === 'initialize' && this.options.statelessOnly) {
        return errorResponse(400, ErrorCode.UnsupportedProtocolVersion, 'This server serves only protocol 2026-07-28; it has no initialize handshake', message.id, {
          supported: this.server.supportedVersions.filter((v) => !LEGACY_PROTOCOL_VERSIONS.includes(v)),
          requested: (message.params as { protocolVersion?: unknown })?.protocolVersion,
        });
      }
      return this.modern(request, message as JSONRPCRequest, meta ?? {}, extra);
    }
    if ('method' in message && message.method === 'initialize' && 'id' in message) return this.initialize(request, message as JSONRPCRequest, extra);
    return this.legacy(request, message, extra);
  }

  private async modern(request: Request, message: JSONRPCRequest, meta: Record<string, unknown>, extra: MessageExtra): Promise<Response> {
    if (message.method === 'initialize') {
      return errorResponse(404, ErrorCode.MethodNotFound, 'Method not found: initialize (protocol 2026-07-28 has no handshake)', message.id, {
        supported: this.server.supportedVersions,
      });
    }
    const rawMeta = message.params?._meta;
    if (typeof rawMeta !== 'object' || rawMeta === null || Array.isArray(rawMeta)) {
      return errorResponse(400, ErrorCode.InvalidParams, 'Invalid params: missing required _meta (protocol 2026-07-28)', message.id);
    }
    for (const key of [META_VERSION, 'io.modelcontextprotocol/clientCapabilities']) {
      if (!(key in meta)) return errorResponse(400, ErrorCode.InvalidParams, `Invalid params: missing required _meta["${key}"]`, message.id);
    }
    try {
      const tool = message.method === 'tools/call' ? message.params?.name : undefined;
      checkModernHeaders(request.headers, message, meta[META_VERSION], typeof tool === 'string' ? this.server.toolParamHeaders(tool) : undefined);
      readModernMeta(this.server, meta);
    } catch (error) {
      const e = error as McpError;
      return errorResponse(e.code === ErrorCode.MethodNotFound ? 404 : 400, e.code, e.message, message.id, e.data);
    }
    this.exchanges++;
    return new Promise<Response>((resolve) => {
      let writer: SseWriter | undefined;
      let settled = false;
      const transport = new ExchangeTransport((out) => {
        const isResponse = !('method' in out) && (out as { id?: unknown }).id === message.id;
        if (!writer) {
          if (isResponse) {
            settled = true;
            const status = 'error' in out ? modernStatusFor(out.error.code) : 200;
            resolve(jsonResponse(out, status));
            void transport.close();
            return;
          }
          writer = new SseWriter(this.options.keepAliveMs ?? 15_000);
          writer.onclose = () => void transport.close(); // a closed stream cancels the request
          settled = true;
          resolve(new Response(writer.stream, { status: 200, headers: SSE_HEADERS }));
        }
        writer.send(out);
        if (isResponse) writer.close();
      });
      transport.onclosed = () => this.exchangeDone();
      request.signal?.addEventListener('abort', () => void transport.close(), { once: true });
      void this.server.connect(transport).then(() => {
        transport.receive(message, extra);
        if (!settled && request.signal?.aborted) void transport.close();
      });
    });
  }

  private async initialize(request: Request, message: JSONRPCRequest, extra: MessageExtra): Promise<Response> {
    if (this.closing) return errorResponse(503, ErrorCode.InternalError, 'Server is shutting down', message.id);
    if (this.sessions.size >= (this.options.maxSessions ?? 10_000)) {
      return errorResponse(503, ErrorCode.InternalError, 'Too many sessions: try again later', message.id);
    }
    const session = new HttpSession(randomUUID(), this.eventStore, this.options.keepAliveMs ?? 15_000, this.options.retryMs ?? 1000);
    await session.open(this.server);
    this.sessions.set(session.id, session);
    session.onclose = () => this.sessions.delete(session.id);
    session.onanswered = () => this.exchangeDone();
    const response = await this.answer(session, request, message, extra);
    if (response.status !== 200) await session.close();
    response.headers.set('mcp-session-id', session.id);
    return response;
  }

  private sessionOf(request: Request): HttpSession | Response {
    const id = request.headers.get('mcp-session-id');
    if (!id) return errorResponse(400, ErrorCode.InvalidRequest, 'Bad Request: Mcp-Session-Id header is required (send initialize first)');
    const session = this.sessions.get(id);
    if (!session) return errorResponse(404, ErrorCode.InvalidRequest, 'Session not found: it ended or never existed; initialize a new one');
    const version = request.headers.get('mcp-protocol-version');
    if (version !== null && !LEGACY_PROTOCOL_VERSIONS.includes(version)) {
      return errorResponse(400, ErrorCode.InvalidRequest, `Bad Request: unsupported MCP-Protocol-Version ${version}`);
    }
    session.lastActivity = Date.now();
    return session;
  }

  private async legacy(request: Request, message: JSONRPCMessage, extra: MessageExtra): Promise<Response> {
    const session = this.sessionOf(request);
    if (session instanceof Response) return session;
    if (!('method' in message) || !('id' in message)) {
      session.transport.receive(message, extra);
      return new Response(null, { status: 202 });
    }
    return this.answer(session, request, message as JSONRPCRequest, extra);
  }

  private async answer(session: HttpSession, request: Request, message: JSONRPCRequest, extra: MessageExtra): Promise<Response> {
    this.exchanges++;
    if (this.options.enableJsonResponse) {
      const pending = session.awaitJson(message.id);
      session.transport.receive(message, extra);
      return jsonResponse(await pending);
    }
    const version = message.method === 'initialize' ? String((message.params as { protocolVersion?: unknown })?.protocolVersion) : session.connection.legacyVersion;
    const writer = await session.openPostStream(message.id, (version ?? '') >= '2025-11-25');
    session.transport.receive(message, extra);
    void request;
    return new Response(writer.stream, { status: 200, headers: SSE_HEADERS });
  }

  private async get(request: Request): Promise<Response> {
    if (this.options.statelessOnly) return this.notAllowed('POST');
    if (!accepts(request, 'text/event-stream')) return errorResponse(406, ErrorCode.InvalidRequest, 'Not Acceptable: Accept must list text/event-stream');
    const session = this.sessionOf(request);
    if (session instanceof Response) return session;
    const lastEventId = request.headers.get('last-event-id');
    if (lastEventId) {
      const resumed = await session.resume(lastEventId);
      if (resumed) return new Response(resumed.stream, { status: 200, headers: SSE_HEADERS });
    }
    if (session.standalone?.writer && !session.standalone.writer.isClosed) {
      return errorResponse(409, ErrorCode.InvalidRequest, 'Conflict: this session already has a standalone SSE stream');
    }
    const writer = await session.openStandalone((session.connection.legacyVersion ?? '') >= '2025-11-25');
    return new Response(writer.stream, { status: 200, headers: SSE_HEADERS });
  }

  private async delete(request: Request): Promise<Response> {
    if (this.options.statelessOnly) return this.notAllowed('POST');
    const session = this.sessionOf(request);
    if (session instanceof Response) return session;
    await session.close();
    return new Response(null, { status: 200 });
  }
}
