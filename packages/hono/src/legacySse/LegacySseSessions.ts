import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@typemcp/protocol';
import type { AuthInfo } from '@typemcp/protocol';
import type { Server } from '@typemcp/server';
import { errorResponse } from '../httpErrors';
import { readMessage } from '../readBody';
import { ExchangeTransport } from '../streamable/ExchangeTransport';
import { SSE_HEADERS, SseWriter } from '../streamable/SseWriter';

interface SseSession {
  transport: ExchangeTransport;
  writer: SseWriter;
}

/**
 * The deprecated HTTP+SSE transport (2024-11-05): `GET /sse` opens the stream and names the
 * POST endpoint in an `endpoint` event; `POST /messages?sessionId=…` answers 202 and the reply
 * goes out on the stream.
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

  /** Opens a session's stream. */
  async open(request: Request, messagesPath: string): Promise<Response> {
    const accept = request.headers.get('accept') ?? '';
    if (!accept.includes('text/event-stream') && !accept.includes('*/*')) {
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
    transport.onclose = () => writer.close();
    writer.sendEvent('endpoint', `${messagesPath}?sessionId=${id}`);
    return new Response(writer.stream, { status: 200, headers: SSE_HEADERS });
  }

  /** Receives one POSTed message. */
  async post(request: Request, limit: number, auth?: AuthInfo): Promise<Response> {
    const id = new URL(request.url).searchParams.get('sessionId');
    if (!id) return errorResponse(400, ErrorCode.InvalidRequest, 'Bad Request: the sessionId query parameter is required');
    const session = this.sessions.get(id);
    if (!session) return errorResponse(404, ErrorCode.InvalidRequest, 'Session not found');
    const message = await readMessage(request, limit);
    if (message instanceof Response) return message;
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    session.transport.receive(message, { headers, auth });
    return new Response('Accepted', { status: 202 });
  }

  /** Closes every stream. */
  async close(): Promise<void> {
    for (const session of this.sessions.values()) session.writer.close();
    this.sessions.clear();
  }
}
