import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@typemcp/protocol';
import type { MessageExtra } from '@typemcp/protocol';
import type { Server, ServerConnection } from '@typemcp/server';
import { errorResponse } from '../httpErrors';
import { limitResponse, shuttingDownResponse } from '../limits/refusals';
import { isRefusal } from '../limits/StreamBudget';
import type { StreamBudget } from '../limits/StreamBudget';
import { readMessage } from '../readBody';
import { accepts } from '../security/checkPostHeaders';
import { ExchangeTransport } from '../streamable/ExchangeTransport';
import { sseResponse } from '../streamable/SseWriter';
import type { SseWriter } from '../streamable/SseWriter';
import { headerOf } from '../nodeRequest';

interface SseSession {
  transport: ExchangeTransport;
  writer: SseWriter;
  connection: ServerConnection;
  /** The authenticated subject that opened it ('' for none), when auth is on. */
  owner?: string;
}

/** Settings of the HTTP+SSE sessions (see `McpHttpOptions` for each one's meaning). */
export interface LegacySseOptions {
  keepAliveMs: number;
  maxInflightPerSession: number;
  /** Counts open SSE streams and refuses those past `maxSseStreams`. */
  streams: StreamBudget;
}

/**
 * The deprecated HTTP+SSE transport (2024-11-05): `GET /sse` opens the stream and names the
 * POST endpoint in an `endpoint` event; `POST /messages?sessionId=…` answers 202 and every
 * reply goes out on the stream. The session lives as long as its stream. A session's requests
 * in flight are bounded by `maxInflightPerSession` (429); streams by the {@link StreamBudget}.
 *
 * @example
 * const sse = new LegacySseSessions(server, { keepAliveMs: 15_000, maxInflightPerSession: 100, streams });
 * return sse.open(request, '/tools/messages');
 */
export class LegacySseSessions {
  private readonly sessions = new Map<string, SseSession>();
  /** Set when a graceful shutdown begins: new requests are refused, notifications and responses still pass. */
  draining = false;

  constructor(
    private readonly server: Server,
    private readonly options: LegacySseOptions,
  ) {}

  /** Open sessions. */
  get size(): number {
    return this.sessions.size;
  }

  /** Requests of every session being handled now. */
  get pendingRequests(): number {
    let n = 0;
    for (const session of this.sessions.values()) n += session.connection.session.inflightCount;
    return n;
  }

  /** Opens a session's stream; its first event names where to POST (`endpoint?sessionId=…`). */
  async open(request: Request, messagesPath: string, owner?: string): Promise<Response> {
    if (!accepts(request, 'text/event-stream')) {
      return errorResponse(
        406,
        ErrorCode.InvalidRequest,
        'Not Acceptable: Accept must list text/event-stream',
      );
    }
    const id = randomUUID();
    const writer = this.options.streams.open(this.options.keepAliveMs);
    if (isRefusal(writer)) return limitResponse(writer.limit, writer.value);
    // a notification's sender waits while the client lags (backpressure); replies never wait
    const transport = new ExchangeTransport((message) =>
      writer.send(message) && 'method' in message ? writer.ready() : undefined,
    );
    const connection = await this.server.connect(transport);
    this.sessions.set(id, { transport, writer, connection, owner });
    writer.onclose = () => {
      this.sessions.delete(id);
      void connection.close();
    };
    transport.onclosed = () => writer.close();
    if (writer.isClosed) writer.onclose(); // the client left while the session connected
    writer.sendEvent('endpoint', `${messagesPath}?sessionId=${encodeURIComponent(id)}`);
    return sseResponse(writer);
  }

  /** Receives one POSTed message: 202, the answer goes on the session's stream. */
  async post(request: Request, limit: number, extra: MessageExtra): Promise<Response> {
    const id = new URL(request.url).searchParams.get('sessionId');
    if (!id)
      return errorResponse(
        400,
        ErrorCode.InvalidRequest,
        'Bad Request: the sessionId query parameter is required',
      );
    const session = this.sessions.get(id);
    if (
      !session ||
      (session.owner !== undefined && session.owner !== (extra.auth?.subject ?? ''))
    ) {
      return errorResponse(
        404,
        ErrorCode.InvalidRequest,
        'Session not found: open a new stream with GET',
      );
    }
    const type = headerOf(request, 'content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return errorResponse(
        415,
        ErrorCode.InvalidRequest,
        'Unsupported Media Type: Content-Type must be application/json',
      );
    }
    const message = await readMessage(request, limit);
    if (message instanceof Response) return message;
    if ('method' in message && 'id' in message) {
      if (this.draining) return shuttingDownResponse(message.id);
      const max = this.options.maxInflightPerSession;
      if (session.connection.session.inflightCount >= max)
        return limitResponse('maxInflightPerSession', max, message.id);
    }
    session.transport.receive(message, extra);
    return new Response(null, { status: 202 });
  }

  /** Closes every stream. */
  async close(): Promise<void> {
    for (const session of [...this.sessions.values()]) session.writer.close();
    this.sessions.clear();
  }
}
