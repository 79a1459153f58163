import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@typemcp/protocol';
import type { MessageExtra } from '@typemcp/protocol';
import type { Server } from '@typemcp/server';
import { errorResponse } from '../httpErrors';
import { readMessage } from '../readBody';
import { accepts } from '../security/checkPostHeaders';
import { ExchangeTransport } from '../streamable/ExchangeTransport';
import { SseWriter, sseResponse } from '../streamable/SseWriter';

interface SseSession {
  transport: ExchangeTransport;
  writer: SseWriter;
}

/**
 * The deprecated HTTP+SSE transport (2024-11-05): `GET /sse` opens the stream and names the
 * POST endpoint in an `endpoint` event; `POST /messages?sessionId=…` answers 202 and every
 * reply goes out on the stream. The session lives as long as its stream.
 *
 * @example
 * const sse = new LegacySseSessions(server, 15_000);
 * return sse.open(request, '/tools/messages');
 */
export class LegacySseSessions {
  private readonly sessions = new Map<string, SseSession>();

  constructor(
    private readonly server: Server,
    private readonly keepAliveMs: number,
  ) {}

  /** Open sessions. */
  get size(): number {
    return this.sessions.size;
  }

  /** Opens a session's stream; its first event names where to POST (`endpoint?sessionId=…`). */
  async open(request: Request, messagesPath: string): Promise<Response> {
    if (!accepts(request, 'text/event-stream')) {
      return errorResponse(406, ErrorCode.InvalidRequest, 'Not Acceptable: Accept must list text/event-stream');
    }
    const id = randomUUID();
    const writer = new SseWriter(this.keepAliveMs);
    const transport = new ExchangeTransport((message) => void writer.send(message));
    const connection = await this.server.connect(transport);
    this.sessions.set(id, { transport, writer });
    writer.onclose = () => {
      this.sessions.delete(id);
      void connection.close();
    };
    transport.onclosed = () => writer.close();
    writer.sendEvent('endpoint', `${messagesPath}?sessionId=${encodeURIComponent(id)}`);
    return sseResponse(writer);
  }

  /** Receives one POSTed message: 202, the answer goes on the session's stream. */
  async post(request: Request, limit: number, extra: MessageExtra): Promise<Response> {
    const id = new URL(request.url).searchParams.get('sessionId');
    if (!id) return errorResponse(400, ErrorCode.InvalidRequest, 'Bad Request: the sessionId query parameter is required');
    const session = this.sessions.get(id);
    if (!session) return errorResponse(404, ErrorCode.InvalidRequest, 'Session not found: open a new stream with GET');
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return errorResponse(415, ErrorCode.InvalidRequest, 'Unsupported Media Type: Content-Type must be application/json');
    }
    const message = await readMessage(request, limit);
    if (message instanceof Response) return message;
    session.transport.receive(message, extra);
    return new Response(null, { status: 202 });
  }

  /** Closes every stream. */
  async close(): Promise<void> {
    for (const session of [...this.sessions.values()]) session.writer.close();
    this.sessions.clear();
  }
}
