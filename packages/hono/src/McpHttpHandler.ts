import {
  ErrorCode,
  hasModernMeta,
  isModernHeaderVersion,
  LEGACY_PROTOCOL_VERSIONS,
} from '@typemcp/protocol';
import type { AuthInfo, JSONRPCRequest, RequestId } from '@typemcp/protocol';
import type { Server } from '@typemcp/server';
import { ResourceGuard } from './auth/ResourceGuard';
import { ClusterLink } from './cluster/ClusterLink';
import type { McpStores } from './cluster/McpStores';
import { resolveStores } from './cluster/resolveStores';
import { StoreUnavailableError } from './cluster/StoreUnavailableError';
import { errorResponse } from './httpErrors';
import { InflightTracker } from './InflightTracker';
import { LegacySseSessions } from './legacySse/LegacySseSessions';
import { limitResponse, shuttingDownResponse } from './limits/refusals';
import { StreamBudget } from './limits/StreamBudget';
import type { McpHttpOptions } from './McpHttpOptions';
import type { McpHttpStats } from './McpHttpStats';
import { HttpMessageExtra } from './HttpMessageExtra';
import { headerOf } from './nodeRequest';
import { readMessage } from './readBody';
import { checkPostHeaders } from './security/checkPostHeaders';
import { corsPreflight, withCors } from './security/cors';
import { guardRequest } from './security/guardRequest';
import { InMemoryEventStore } from './streamable/InMemoryEventStore';
import { serveModernRequest } from './streamable/serveModernRequest';
import type { ModernExchangeOptions } from './streamable/serveModernRequest';
import { serveStatelessLegacy } from './streamable/serveStatelessLegacy';
import type { HttpSession } from './streamable/HttpSession';
import { StreamableSessions } from './streamable/StreamableSessions';
import type { StreamableSessionsOptions } from './streamable/StreamableSessions';
import { reply } from './reply';

const DEFAULT_BODY_LIMIT = 4 << 20;

/** Which MCP route a request is for: the Streamable HTTP endpoint, or one of HTTP+SSE's two. */
export type McpRoute = 'mcp' | 'sse' | 'messages';

/** `Retry-After` of a refused session when every session holds an open SSE stream. */
const BUSY_RETRY_SECONDS = 30;

/**
 * The HTTP engine of TypeMCP, on web-standard Request/Response only, so it runs wherever
 * `fetch` handlers run: Streamable HTTP for both eras on one endpoint (stateless 2026-07-28
 * requests beside legacy sessions), the deprecated HTTP+SSE transport, Origin/Host checks, body
 * limits and CORS. `mcpHonoApp()` mounts it in Hono; any other runtime can call {@link fetch}.
 *
 * @example
 * const mcp = new McpHttpHandler(server, { statelessOnly: true });
 * export default { fetch: (request: Request) => mcp.fetch(request) }; // e.g. a worker
 */
export class McpHttpHandler {
  readonly legacySse: LegacySseSessions;
  readonly streamable: StreamableSessions;
  private readonly inflight = new InflightTracker();
  private readonly sweeper?: ReturnType<typeof setInterval>;
  private readonly bodyLimit: number;
  private readonly maxSessions: number;
  private readonly streams: StreamBudget;
  private draining = false;
  /** The OAuth resource-server guard, when `options.auth` is set (see docs/auth.md). */
  readonly guard?: ResourceGuard;
  private closed = false;
  /** Set when this engine is one node of a cluster (`redis` / `stores`). */
  readonly cluster?: ClusterLink;
  private readonly stores?: { stores: McpStores; owned: boolean; joined: Promise<void> };
  private exchangeOptions?: ModernExchangeOptions;

  constructor(
    readonly server: Server,
    readonly options: McpHttpOptions = {},
  ) {
    this.bodyLimit = options.maxBodyBytes ?? DEFAULT_BODY_LIMIT;
    this.maxSessions = options.maxSessions ?? 10_000;
    this.streams = new StreamBudget(
      options.maxSseStreams ?? 10_000,
      options.maxSseStreamsPerSession ?? 100,
    );
    const keepAliveMs = options.keepAliveMs ?? 15_000;
    const maxInflightPerSession = options.maxInflightPerSession ?? 100;
    this.legacySse = new LegacySseSessions(server, {
      keepAliveMs,
      maxInflightPerSession,
      streams: this.streams,
    });
    const sessionOptions: StreamableSessionsOptions = {
      eventStore:
        options.eventStore === false ? undefined : (options.eventStore ?? new InMemoryEventStore()),
      keepAliveMs,
      retryMs: options.retryMs ?? 1000,
      enableJsonResponse: options.enableJsonResponse ?? false,
      maxInflightPerSession,
      streams: this.streams,
    };
    this.streamable = new StreamableSessions(server, sessionOptions, this.inflight);
    const { stores, owned } = resolveStores(options);
    if (stores) {
      const ttlMs = options.sessionIdleTimeoutMs ?? 30 * 60_000;
      this.cluster = new ClusterLink(
        server,
        stores,
        this.streamable.sessions,
        sessionOptions,
        this.inflight,
        ttlMs,
      );
      sessionOptions.eventStore = this.cluster.events;
      sessionOptions.cluster = this.cluster;
      const cluster = this.cluster;
      const joined = (async () => {
        await stores.ready?.();
        await cluster.start();
      })();
      joined.catch(() => undefined); // reported by ready()
      this.stores = { stores, owned, joined };
    }
    if (options.auth) this.guard = new ResourceGuard(options.auth, server, () => this.sessions);
    if (!this.stateless) {
      const idle = options.sessionIdleTimeoutMs ?? 30 * 60_000;
      const unused = options.unusedSessionTimeoutMs ?? 10_000;
      this.sweeper = setInterval(
        () => this.evictIdle(idle, unused),
        Math.max(50, Math.min(idle / 2, unused / 2, 60_000)),
      );
      this.sweeper.unref?.();
    }
  }

  /**
   * Resolves once the engine can serve: at once for one node; for a node of a cluster, once the
   * shared stores answered (rejects with their one-line error, e.g. naming an unreachable URL).
   */
  ready(): Promise<void> {
    return this.stores?.joined ?? Promise.resolve();
  }

  /** The open legacy Streamable HTTP sessions, by id. */
  get sessions(): ReadonlyMap<string, HttpSession> {
    return this.streamable.sessions;
  }

  /** Requests being answered now (until their reply is complete). */
  get inflightCount(): number {
    return this.inflight.size;
  }

  /** What the engine holds now: sessions, open streams, requests in flight, timers. */
  stats(): McpHttpStats {
    return {
      sessions: this.streamable.sessions.size,
      sseSessions: this.legacySse.size,
      openStreams: this.streams.size,
      inflight: this.inflight.size,
      sessionRequests: this.streamable.pendingRequests + this.legacySse.pendingRequests,
      timers: this.streams.timers + (this.sweeper && !this.closed ? 1 : 0),
      draining: this.draining,
    };
  }

  /**
   * Ends legacy sessions idle for longer than `idleMs`, and those that sent nothing after
   * `initialize` for longer than `unusedMs`; returns how many.
   */
  evictIdle(idleMs: number, unusedMs?: number): number {
    return this.streamable.evictIdle(idleMs, unusedMs);
  }

  /** Resolves once no request is being answered (HTTP+SSE ones included), or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.inflight.drain(timeoutMs);
    // HTTP+SSE requests are answered on their session's stream, after their POST got its 202
    while (this.legacySse.pendingRequests > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
  }

  /**
   * Graceful shutdown: from now on new work (requests, sessions, streams) is refused with 503 and
   * `Connection: close`, while notifications and responses of existing sessions still pass; open
   * `subscriptions/listen` streams end with their final result; in-flight requests finish (up to
   * `timeoutMs`); then every session and stream closes.
   */
  async shutdown(timeoutMs: number): Promise<void> {
    this.draining = true;
    this.legacySse.draining = true;
    for (const endSubscription of [...this.server.closeListeners]) endSubscription();
    await this.drain(timeoutMs);
    await this.close();
  }

  /** Stops accepting sessions and closes every session and stream. */
  async close(): Promise<void> {
    this.draining = true;
    this.legacySse.draining = true;
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await this.streamable.close();
    await this.legacySse.close();
    this.streams.closeAll();
    await this.cluster?.close();
    if (this.stores?.owned) await this.stores.stores.close?.().catch(() => undefined);
  }

  /**
   * Serves one request routed to an MCP path, behind the OAuth guard when `options.auth` is set;
   * `auth` (set by a middleware of the host app) reaches handlers as `ctx.auth` otherwise.
   */
  serveRoute(request: Request, route: McpRoute, auth?: AuthInfo): Promise<Response> {
    const guard = this.guard;
    return guard
      ? guard.serve(request, route, (caller) => this.handle(request, route, caller), this.options)
      : this.handle(request, route, auth);
  }

  /**
   * Serves a request whose path ends with one of the MCP paths (`/mcp`, `/sse`, `/messages` by
   * default, under any prefix); other paths get a JSON-RPC 404.
   */
  fetch(request: Request, auth?: AuthInfo): Promise<Response> {
    const path = new URL(request.url).pathname;
    const { endpoint = '/mcp', ssePath = '/sse', messagesPath = '/messages' } = this.options;
    const guard = this.guard;
    if (guard?.metadataPaths.includes(path) && request.method === 'GET')
      return Promise.resolve(guard.metadataResponse());
    const serve = (route: McpRoute) => this.serveRoute(request, route, auth);
    if (path.endsWith(endpoint)) return serve('mcp');
    if (ssePath !== false && path.endsWith(ssePath)) return serve('sse');
    if (ssePath !== false && path.endsWith(messagesPath)) return serve('messages');
    return Promise.resolve(errorResponse(404, ErrorCode.MethodNotFound, `Not found: ${path}`));
  }

  /** Serves one request already routed to an MCP path; `auth` reaches handlers as `ctx.auth`. */
  handle(request: Request, route: McpRoute, auth?: AuthInfo): Promise<Response> {
    // not async: without CORS the route's own promise is the answer, no promise layer per request
    return this.options.cors
      ? this.routeWithCors(request, route, auth)
      : this.route(request, route, auth);
  }

  private async routeWithCors(
    request: Request,
    route: McpRoute,
    auth?: AuthInfo,
  ): Promise<Response> {
    if (request.method === 'OPTIONS') return corsPreflight(request, this.options);
    return withCors(request, await this.route(request, route, auth), this.options);
  }

  private async route(request: Request, route: McpRoute, auth?: AuthInfo): Promise<Response> {
    const refused = guardRequest(request, this.options);
    if (refused) return refused;
    try {
      if (route === 'sse') {
        if (request.method !== 'GET') return this.notAllowed('GET');
        const refused = this.refuseSession();
        if (refused) return refused;
        return await this.legacySse.open(
          request,
          this.messagesPath(request),
          auth && (auth.subject ?? ''),
        );
      }
      if (route === 'messages') {
        if (request.method !== 'POST') return this.notAllowed('POST');
        return await this.legacySse.post(
          request,
          this.bodyLimit,
          new HttpMessageExtra(request, auth),
        );
      }
      if (request.method === 'POST') return await this.post(request, auth);
      if (this.stateless) return this.notAllowed('POST');
      if (request.method === 'GET')
        return this.draining ? shuttingDownResponse() : await this.streamable.get(request);
      if (request.method === 'DELETE') return await this.streamable.delete(request);
      return this.notAllowed('GET, POST, DELETE');
    } catch (error) {
      if (error instanceof StoreUnavailableError) return error.response();
      this.server.reportError(error instanceof Error ? error : new Error(String(error)));
      return errorResponse(500, ErrorCode.InternalError, 'Internal error');
    }
  }

  /** The HTTP+SSE POST path as the client must call it: under the same prefix as the stream. */
  private messagesPath(request: Request): string {
    const path = new URL(request.url).pathname;
    const ssePath = this.options.ssePath || '/sse';
    const prefix = path.endsWith(ssePath) ? path.slice(0, path.length - ssePath.length) : '';
    return `${prefix}${this.options.messagesPath ?? '/messages'}`;
  }

  private notAllowed(allow: string): Response {
    return errorResponse(
      405,
      ErrorCode.InvalidRequest,
      `Method Not Allowed: use ${allow}`,
      undefined,
      undefined,
      { allow },
    );
  }

  /** No sessions at all (`statelessOnly`, or `statelessLegacy` which implies it). */
  private get stateless(): boolean {
    return this.options.statelessOnly === true || this.options.statelessLegacy === true;
  }

  /** What a throw-away exchange needs: the same for every one, made once. */
  private get exchange(): ModernExchangeOptions {
    return (this.exchangeOptions ??= {
      keepAliveMs: this.options.keepAliveMs ?? 15_000,
      ondone: () => this.inflight.end(),
      streams: this.streams,
    });
  }

  /**
   * A POST: modern when the body's `_meta` (or a modern header) says so, else legacy. (`return
   * await` on purpose: an async function returning a promise as it is costs two more ticks.)
   */
  private async post(request: Request, auth?: AuthInfo): Promise<Response> {
    const refused = checkPostHeaders(request);
    if (refused) return refused;
    const message = await readMessage(request, this.bodyLimit);
    if (message instanceof Response) return message;
    const forbidden = this.guard?.authorize(message, auth);
    if (forbidden) return forbidden;
    if (this.draining && 'method' in message && 'id' in message)
      return shuttingDownResponse(message.id);
    const extra = new HttpMessageExtra(request, auth);
    const modern =
      ('method' in message && hasModernMeta(message.params?._meta)) ||
      isModernHeaderVersion(headerOf(request, 'mcp-protocol-version'));
    if (!modern && this.options.statelessLegacy) {
      this.inflight.begin();
      return await serveStatelessLegacy(this.server, request, message, extra, this.exchange);
    }
    if (modern || this.stateless) {
      if (!('method' in message))
        return errorResponse(
          400,
          ErrorCode.InvalidRequest,
          'Invalid Request: clients POST requests and notifications only',
        );
      if (!('id' in message)) return reply(null, 202);
      if (message.method === 'initialize' && !modern)
        return this.refuseHandshake(message as JSONRPCRequest);
      this.inflight.begin();
      return await serveModernRequest(
        this.server,
        request,
        message as JSONRPCRequest,
        extra,
        this.exchange,
      );
    }
    if ('method' in message && message.method === 'initialize' && 'id' in message) {
      return await (this.refuseSession(message.id) ??
        this.streamable.initialize(message as JSONRPCRequest, extra));
    }
    return await this.streamable.post(request, message, extra);
  }

  /**
   * 503 when a new session would exceed `maxSessions` (both kinds count) and no idle legacy
   * session can make room, or shutdown began.
   */
  private refuseSession(id?: RequestId): Response | undefined {
    if (this.draining) return shuttingDownResponse(id);
    const full = () => this.streamable.sessions.size + this.legacySse.size >= this.maxSessions;
    if (full() && !this.streamable.evictOldestIdle()) {
      return limitResponse(
        'maxSessions',
        this.maxSessions,
        id,
        this.streamable.retryAfterSeconds(BUSY_RETRY_SECONDS),
      );
    }
    return undefined;
  }

  /** A stateless-only server answers `initialize` naming the versions it serves (spec: versioning). */
  private refuseHandshake(message: JSONRPCRequest): Response {
    return errorResponse(
      400,
      ErrorCode.UnsupportedProtocolVersion,
      `This server serves only protocol ${this.server.supportedVersions.filter((v) => !LEGACY_PROTOCOL_VERSIONS.includes(v)).join(', ')}; it has no initialize handshake`,
      message.id,
      {
        supported: this.server.supportedVersions.filter(
          (v) => !LEGACY_PROTOCOL_VERSIONS.includes(v),
        ),
        requested: (message.params as { protocolVersion?: unknown } | undefined)?.protocolVersion,
      },
    );
  }
}
