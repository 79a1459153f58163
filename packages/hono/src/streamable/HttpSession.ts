import type { JSONRPCMessage, RequestId, TransportSendOptions } from '@typemcp/protocol';
import type { Server, ServerConnection } from '@typemcp/server';
import type { EventStore } from './EventStore';
import { ExchangeTransport } from './ExchangeTransport';
import { SseWriter } from './SseWriter';

/** One stream of a legacy session: a POST's reply stream or the standalone GET stream. */
export interface SessionStream {
  id: string;
  writer?: SseWriter;
  /** JSON mode: resolves with the response instead of streaming. */
  json?: (message: JSONRPCMessage) => void;
  /** The request this stream answers (POST streams). */
  requestId?: RequestId;
  done: boolean;
}

/**
 * A legacy (2025-03-26 … 2025-11-25) Streamable HTTP session: a ServerConnection whose messages
 * are routed to the stream they belong to — a request's POST stream, else the GET stream.
 * Each message goes out on exactly one stream.
 */
export class HttpSession {
  readonly transport: ExchangeTransport;
  connection!: ServerConnection;
  lastActivity = Date.now();
  private readonly postStreams = new Map<RequestId, SessionStream>();
  private readonly allStreams = new Map<string, SessionStream>();
  standalone?: SessionStream;
  private streamCounter = 0;
  private backlog: JSONRPCMessage[] = [];
  closed = false;
  onclose?: () => void;
  /** Called each time a POSTed request has got its response. */
  onanswered?: () => void;

  constructor(
    readonly id: string,
    private readonly eventStore: EventStore | undefined,
    private readonly keepAliveMs: number,
    private readonly retryMs: number | undefined,
  ) {
    this.transport = new ExchangeTransport((message, options) => this.route(message, options));
  }

  /** Connects the session to the server. */
  async open(server: Server): Promise<void> {
    this.connection = await server.connect(this.transport);
    this.connection.onclose = () => this.dispose();
  }

  /** Streams currently open (for eviction and limits). */
  get openStreams(): number {
    let n = 0;
    for (const s of this.allStreams.values()) if (s.writer && !s.writer.isClosed) n++;
    return n;
  }

  private newStreamId(): string {
    return `${this.id}.${++this.streamCounter}`;
  }

  /** Opens the SSE stream that answers one POSTed request. */
  async openPostStream(requestId: RequestId, primeVersion: boolean): Promise<SseWriter> {
    const stream: SessionStream = { id: this.newStreamId(), requestId, done: false, writer: new SseWriter(this.keepAliveMs) };
    this.postStreams.set(requestId, stream);
    this.allStreams.set(stream.id, stream);
    if (primeVersion && this.eventStore) {
      stream.writer?.prime(await this.eventStore.storeEvent(stream.id, null), this.retryMs);
    }
    return stream.writer as SseWriter;
  }

  /** Waits for the JSON response of one POSTed request (JSON mode). */
  awaitJson(requestId: RequestId): Promise<JSONRPCMessage> {
    return new Promise((resolve) => {
      const stream: SessionStream = { id: this.newStreamId(), requestId, done: false, json: resolve };
      this.postStreams.set(requestId, stream);
    });
  }

  /** Opens (or resumes) the standalone GET stream. */
  async openStandalone(primeVersion: boolean): Promise<SseWriter> {
    const writer = new SseWriter(this.keepAliveMs);
    const stream: SessionStream = { id: this.newStreamId(), writer, done: false };
    this.standalone = stream;
    this.allStreams.set(stream.id, stream);
    writer.onclose = () => {
      if (this.standalone === stream) this.standalone = undefined;
    };
    if (primeVersion && this.eventStore) writer.prime(await this.eventStore.storeEvent(stream.id, null), this.retryMs);
    const backlog = this.backlog;
    this.backlog = [];
    for (const message of backlog) await this.write(stream, message);
    return writer;
  }

  /** Resumes a stream after `lastEventId` on a new GET connection; false if unknown. */
  async resume(lastEventId: string): Promise<SseWriter | undefined> {
    if (!this.eventStore) return undefined;
    const streamId = await this.eventStore.streamIdOf(lastEventId);
    if (!streamId || !streamId.startsWith(`${this.id}.`)) return undefined;
    const writer = new SseWriter(this.keepAliveMs);
    await this.eventStore.replayEventsAfter(lastEventId, async (eventId, message) => {
      writer.send(message, eventId);
    });
    const stream = this.allStreams.get(streamId);
    if (!stream || stream.done) {
      writer.close();
      return writer;
    }
    stream.writer = writer;
    if (stream.requestId === undefined) {
      this.standalone = stream;
      writer.onclose = () => {
        if (this.standalone === stream) this.standalone = undefined;
      };
    }
    return writer;
  }

  private async write(stream: SessionStream, message: JSONRPCMessage): Promise<void> {
    const eventId = this.eventStore ? await this.eventStore.storeEvent(stream.id, message) : undefined;
    stream.writer?.send(message, eventId);
  }

  private route(message: JSONRPCMessage, options?: TransportSendOptions): void {
    this.lastActivity = Date.now();
    const isResponse = !('method' in message);
    const key = isResponse ? (message as { id?: RequestId }).id : options?.relatedRequestId;
    const stream = key === undefined ? undefined : this.postStreams.get(key);
    if (stream && !stream.done) {
      if (stream.json) {
        if (isResponse) {
          stream.done = true;
          this.postStreams.delete(key as RequestId);
          stream.json(message);
          this.onanswered?.();
        } else this.toStandalone(message);
        return;
      }
      void this.write(stream, message).then(() => {
        if (isResponse) {
          stream.done = true;
          this.postStreams.delete(key as RequestId);
          stream.writer?.close();
          this.onanswered?.();
        }
      });
      return;
    }
    this.toStandalone(message);
  }

  private toStandalone(message: JSONRPCMessage): void {
    const standalone = this.standalone;
    if (standalone?.writer && !standalone.writer.isClosed) void this.write(standalone, message);
    else if (this.backlog.length < 1000) this.backlog.push(message);
  }

  /** Ends the session: streams closed, connection closed, events forgotten. */
  async close(): Promise<void> {
    await this.connection?.close();
    this.dispose();
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const stream of this.postStreams.values()) if (!stream.done) this.onanswered?.();
    for (const stream of this.allStreams.values()) {
      stream.writer?.close();
      void this.eventStore?.deleteStream?.(stream.id);
    }
    this.allStreams.clear();
    this.postStreams.clear();
    this.backlog = [];
    this.onclose?.();
  }
}
