import { randomUUID } from 'node:crypto';
import { ErrorCode, LEGACY_PROTOCOL_VERSIONS } from '@typemcp/protocol';
import type { JSONRPCMessage, JSONRPCRequest, MessageExtra } from '@typemcp/protocol';
import type { Server } from '@typemcp/server';
import { errorResponse, jsonResponse } from '../httpErrors';
import type { InflightTracker } from '../InflightTracker';
import { limitResponse, shuttingDownResponse } from '../limits/refusals';
import { headerOf } from '../nodeRequest';
import { isRefusal } from '../limits/StreamBudget';
import type { StreamBudget } from '../limits/StreamBudget';
import { accepts } from '../security/checkPostHeaders';
import type { ClusterLink } from '../cluster/ClusterLink';
import type { EventStore } from './EventStore';
import { HttpSession } from './HttpSession';
import { sseResponse, sseResponseOf } from './SseWriter';
import { reply } from '../reply';

/** Settings of the legacy sessions (see `McpHttpOptions` for each one's meaning). */
export interface StreamableSessionsOptions {
  eventStore?: EventStore;
  keepAliveMs: number;
  retryMs?: number;
  enableJsonResponse: boolean;
  maxInflightPerSession: number;
  /** Counts open SSE streams and refuses those past the limits. */
  streams: StreamBudget;
  /** Set when several nodes share the sessions (see {@link ClusterLink}). */
  cluster?: ClusterLink;
}

/**
 * The legacy (2025-03-26 … 2025-11-25) half of the Streamable HTTP endpoint: `initialize`
 * opens a session with a random `Mcp-Session-Id`; later POSTs, the GET stream and DELETE name it
 * (none → 400, unknown or ended → 404); idle sessions are evicted. A session's requests in
 * flight are bounded by `maxInflightPerSession` (429), its streams by the {@link StreamBudget}.
 *
 * @example
 * const sessions = new StreamableSessions(server, options, inflight);
 * if (message.method === 'initialize') return sessions.initialize(message, extra);
 */
export class StreamableSessions {
  readonly sessions = new Map<string, HttpSession>();
  private closing = false;

  constructor(
    private readonly server: Server,
    private readonly options: StreamableSessionsOptions,
    private readonly inflight: InflightTracker,
  ) {}

  /**
   * Opens a session and answers its `initialize`; a failed handshake (or no stream left for its
   * reply) leaves no session behind. The caller checked `maxSessions`.
   */
  async initialize(message: JSONRPCRequest, extra: MessageExtra): Promise<Response> {
    if (this.closing) return shuttingDownResponse(message.id);
    const noStream = this.options.enableJsonResponse ? undefined : this.options.streams.refusal();
    if (noStream) return limitResponse(noStream.limit, noStream.value, message.id);
    const session = new HttpSession(randomUUID(), this.options);
    await session.open(this.server);
    this.sessions.set(session.id, session);
    session.onclose = () => this.sessions.delete(session.id);
    session.onanswered = () => this.inflight.end();
    this.inflight.begin();
    const answered = session.awaitResponse(message.id);
    session.transport.receive(message, extra);
    const response = await answered;
    if ('error' in response) {
      await session.close();
      return jsonResponse(response, 400);
    }
    await this.options.cluster?.created(session, extra.auth?.subject).catch(async (error) => {
      await session.close();
      throw error;
    });
    const headers = { 'mcp-session-id': session.id };
    if (this.options.enableJsonResponse) return jsonResponse(response, 200, headers);
    const writer = session.replyAsStream(response);
    if (isRefusal(writer)) {
      await session.close(); // the streams filled up during the handshake
      return limitResponse(writer.limit, writer.value, message.id);
    }
    return sseResponse(writer, headers);
  }

  /** The session a request names, or the response refusing it. */
  private sessionOf(request: Request): HttpSession | Response {
    const id = headerOf(request, 'mcp-session-id');
    if (!id)
      return errorResponse(
        400,
        ErrorCode.InvalidRequest,
        'Bad Request: Mcp-Session-Id header is required (send initialize first)',
      );
    const session = this.sessions.get(id);
    if (!session)
      return errorResponse(
        404,
        ErrorCode.InvalidRequest,
        'Session not found: it ended or never existed; initialize a new one',
      );
    const version = headerOf(request, 'mcp-protocol-version'); // absent: 2025-03-26
    if (version !== null && !LEGACY_PROTOCOL_VERSIONS.includes(version)) {
      return errorResponse(
        400,
        ErrorCode.InvalidRequest,
        `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version)}`,
      );
    }
    session.lastActivity = Date.now();
    session.used = true;
    // most recently active last: the first idle session in the map is the oldest idle one
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }

  /**
   * Ends the least recently active idle session (no open stream, no request in flight) to make
   * room for a new one; false when every session is busy.
   */
  evictOldestIdle(): boolean {
    for (const session of this.sessions.values()) {
      if (!session.idle) continue;
      this.sessions.delete(session.id); // room at once; the close completes in the background
      void session.close();
      return true;
    }
    return false;
  }

  /**
   * Seconds a refused `initialize` should wait: 1 when some session only awaits replies (it makes
   * room once they are answered), else `streamWaitSeconds` (every session holds an open stream,
   * which may last long).
   */
  retryAfterSeconds(streamWaitSeconds: number): number {
    for (const session of this.sessions.values()) if (session.openStreams === 0) return 1;
    return streamWaitSeconds;
  }

  /** A POST in a session: notifications and responses → 202; a request → its SSE stream or JSON. */
  async post(request: Request, message: JSONRPCMessage, extra: MessageExtra): Promise<Response> {
    if (this.options.cluster) await this.options.cluster.sync(request);
    const session = this.sessionOf(request);
    if (session instanceof Response) return session;
    if (!('method' in message) || !('id' in message)) {
      session.transport.receive(message, extra);
      return reply(null, 202);
    }
    const id = (message as JSONRPCRequest).id;
    if (session.isPending(id)) {
      return errorResponse(
        400,
        ErrorCode.InvalidRequest,
        `Request id ${JSON.stringify(id)} is already in flight in this session`,
        id,
      );
    }
    if (session.pendingRequests >= this.options.maxInflightPerSession) {
      return limitResponse('maxInflightPerSession', this.options.maxInflightPerSession, id);
    }
    if (this.options.enableJsonResponse) {
      this.inflight.begin();
      const answered = session.awaitResponse(id);
      session.transport.receive(message, extra);
      return jsonResponse(await answered);
    }
    const writer = session.openPostStream(id);
    if (isRefusal(writer)) return limitResponse(writer.limit, writer.value, id);
    this.inflight.begin();
    // set on the request's own extra (a copy would read its lazy `headers`)
    if (session.resumable) extra.closeSseStream = () => session.closePostConnection(id);
    session.transport.receive(message, extra);
    return sseResponseOf(await writer.body());
  }

  /** GET: the standalone stream (409 when one is open), or a resumption with `Last-Event-ID`. */
  async get(request: Request): Promise<Response> {
    if (!accepts(request, 'text/event-stream')) {
      return errorResponse(
        406,
        ErrorCode.InvalidRequest,
        'Not Acceptable: Accept must list text/event-stream',
      );
    }
    if (this.options.cluster) await this.options.cluster.sync(request);
    const session = this.sessionOf(request);
    if (session instanceof Response) return session;
    const lastEventId = headerOf(request, 'last-event-id');
    if (this.options.cluster) return this.options.cluster.get(session, lastEventId);
    if (lastEventId) {
      const resumed = await session.resume(lastEventId);
      if (isRefusal(resumed)) return limitResponse(resumed.limit, resumed.value);
      if (resumed) return sseResponse(resumed);
    }
    const writer = session.openStandalone();
    if (!writer)
      return errorResponse(
        409,
        ErrorCode.InvalidRequest,
        'Conflict: this session already has an open GET stream',
      );
    if (isRefusal(writer)) return limitResponse(writer.limit, writer.value);
    return sseResponse(writer);
  }

  /** DELETE: ends the session at once, freeing it. */
  async delete(request: Request): Promise<Response> {
    if (this.options.cluster) await this.options.cluster.sync(request);
    const session = this.sessionOf(request);
    if (session instanceof Response) return session;
    await this.options.cluster?.ended(session.id);
    await session.close();
    return reply(null, 200);
  }

  /** Requests of every session awaiting their response. */
  get pendingRequests(): number {
    let n = 0;
    for (const session of this.sessions.values()) n += session.pendingRequests;
    return n;
  }

  /**
   * Ends sessions idle for longer than `idleMs` (no request, no message, no open stream, nothing
   * pending), and sessions that sent nothing after `initialize` within `unusedMs`.
   */
  evictIdle(idleMs: number, unusedMs = Infinity): number {
    const now = Date.now();
    let evicted = 0;
    for (const session of this.sessions.values()) {
      // an unused session counts from its handshake: messages the server sends it (broadcasts)
      // must not keep it alive
      const expired =
        now - session.lastActivity > idleMs || (!session.used && now - session.openedAt > unusedMs);
      if (expired && session.idle) {
        void session.close();
        evicted++;
      }
    }
    return evicted;
  }

  /** Refuses new sessions and ends every session. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
  }
}
