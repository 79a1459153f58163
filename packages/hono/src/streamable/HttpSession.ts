import { ErrorCode, isVersionAtLeast } from '@typemcp/protocol';
import type { JSONRPCMessage, RequestId, TransportSendOptions } from '@typemcp/protocol';
import type { Server, ServerConnection } from '@typemcp/server';
import { isRefusal } from '../limits/StreamBudget';
import type { StreamBudget, StreamRefusal } from '../limits/StreamBudget';
import type { EventStore } from './EventStore';
import type { SessionCluster } from './SessionCluster';
import { ExchangeTransport } from './ExchangeTransport';
import { SessionStream } from './SessionStream';
import type { SseWriter } from './SseWriter';

/** Messages kept for a standalone stream that is not open (and not resumable). */
const MAX_BACKLOG = 1000;
/**
 * Stream ids a session remembers, to delete their events from the store when it ends: the most
 * recent ones (the store bounds itself and drops older streams on its own). Without a bound a
 * long session would keep one id per request it ever served.
 */
const MAX_REMEMBERED_STREAMS = 1000;

/** How a session's streams behave. */
export interface HttpSessionOptions {
  /** Where events are kept for resumption (`undefined`: streams are not resumable). */
  eventStore?: EventStore;
  /** Interval of SSE keep-alive comments (0: none). */
  keepAliveMs: number;
  /** `retry` sent with the priming event. */
  retryMs?: number;
  /** Counts open SSE streams and refuses those past the limits. */
  streams: StreamBudget;
  /** Set when several nodes share the sessions (see `ClusterLink`). */
  cluster?: SessionCluster;
}

/**
 * A legacy (2025-03-26 … 2025-11-25) Streamable HTTP session: a {@link ServerConnection} whose
 * outgoing messages are routed to the stream they belong to — the reply stream of the request
 * they relate to, else the standalone GET stream. Each message goes out on exactly one stream.
 *
 * Every stream is opened through the engine's {@link StreamBudget}: a method that would open one
 * past `maxSseStreams` or `maxSseStreamsPerSession` opens nothing and returns the refusal.
 *
 * @example
 * const session = new HttpSession(randomUUID(), { keepAliveMs: 15_000, streams: new StreamBudget(10_000, 100) });
 * await session.open(server);
 * const writer = session.openPostStream(request.id); // or a StreamRefusal
 * session.transport.receive(request);
 */
export class HttpSession {
  readonly transport: ExchangeTransport;
  connection!: ServerConnection;
  /** Last time a request arrived or a message went out (for idle eviction). */
  lastActivity = Date.now();
  /** When `initialize` opened it. */
  readonly openedAt = Date.now();
  /** Set once the client sent anything after `initialize` (a session never used goes soon). */
  used = false;
  closed = false;
  /** Called once when the session ends. */
  onclose?: () => void;
  /** Called once for each POSTed request when its exchange is over (answered, or session ended). */
  onanswered?: () => void;
  private readonly postStreams = new Map<RequestId, SessionStream>();
  private readonly jsonWaiters = new Map<RequestId, (message: JSONRPCMessage) => void>();
  /** Streams that can still receive messages, by id (for resumption). */
  private readonly liveStreams = new Map<string, SessionStream>();
  /** The latest stream ids the event store may hold, to forget them when the session ends. */
  private readonly storedStreamIds = new Set<string>();
  /** Stream ids of this session start with it: `<session id>.<n>`. */
  private readonly streamPrefix: string;
  private standalone?: SessionStream;
  private backlog: JSONRPCMessage[] = [];
  private streamCounter = 0;

  constructor(
    readonly id: string,
    private readonly options: HttpSessionOptions,
  ) {
    this.transport = new ExchangeTransport((message, sendOptions) =>
      this.route(message, sendOptions),
    );
    this.streamPrefix = `${id}.`;
  }

  /** Connects the session to the server. */
  async open(server: Server): Promise<void> {
    this.connection = await server.connect(this.transport);
    this.connection.closeListeners.add(() => this.dispose());
  }

  /** The negotiated version is 2025-11-25 or later: streams start with a priming event. */
  get primes(): boolean {
    return isVersionAtLeast(this.connection?.legacyVersion ?? '', '2025-11-25');
  }

  /** HTTP connections now open on this session's streams. */
  get openStreams(): number {
    let n = 0;
    for (const stream of this.liveStreams.values()) if (stream.connected) n++;
    return n;
  }

  /** True when nothing holds the session: no open stream, no request awaiting its response. */
  get idle(): boolean {
    return this.pendingRequests === 0 && this.openStreams === 0;
  }

  /** POSTed requests awaiting their response. */
  get pendingRequests(): number {
    return this.postStreams.size + this.jsonWaiters.size;
  }

  /** True while a POSTed request with this id awaits its response. */
  isPending(requestId: RequestId): boolean {
    return this.postStreams.has(requestId) || this.jsonWaiters.has(requestId);
  }

  private newStream(requestId?: RequestId): SessionStream {
    const node = this.options.cluster ? `${this.options.cluster.nodeId}-` : ''; // ids unique across nodes
    const stream = new SessionStream(
      `${this.id}.${node}${++this.streamCounter}`,
      this.options.eventStore,
      requestId,
      this.id,
    );
    this.liveStreams.set(stream.id, stream);
    return stream;
  }

  /** Remembers a stream the event store may hold events of, to delete them later. */
  private remember(streamId: string): void {
    this.storedStreamIds.add(streamId);
    if (this.storedStreamIds.size > MAX_REMEMBERED_STREAMS)
      this.storedStreamIds.delete(this.storedStreamIds.values().next().value as string);
  }

  /** A stream that stores its events from the start. */
  private newStoredStream(requestId?: RequestId): SessionStream {
    const stream = this.newStream(requestId);
    if (this.options.eventStore) this.remember(stream.id);
    return stream;
  }

  /** A new counted SSE connection of this session, or the limit refusing it. */
  private openWriter(deferred = false): SseWriter | StreamRefusal {
    return this.options.streams.open(this.options.keepAliveMs, this, deferred);
  }

  /** Opens the SSE stream that answers one POSTed request (call before delivering the request). */
  openPostStream(requestId: RequestId): SseWriter | StreamRefusal {
    const writer = this.openWriter(true); // a reply alone goes out as one string (see SseWriter)
    if (isRefusal(writer)) return writer;
    const stream = this.newStream(requestId);
    if (this.options.eventStore) stream.onstored = () => this.remember(stream.id);
    stream.attachDeferred(writer);
    if (this.primes) void stream.prime(this.options.retryMs);
    this.postStreams.set(requestId, stream);
    return writer;
  }

  /** True when streams are resumable (an event store is configured and the version primes them). */
  get resumable(): boolean {
    return this.options.eventStore !== undefined && this.primes;
  }

  /**
   * Ends the HTTP connection of a POSTed request's stream while the request goes on (SSE
   * polling): later events are stored, and the client gets them by resuming with `Last-Event-ID`.
   */
  closePostConnection(requestId: RequestId): void {
    if (this.resumable) this.postStreams.get(requestId)?.close();
  }

  /** Resolves with the response of one POSTed request (JSON mode, and `initialize`). */
  awaitResponse(requestId: RequestId): Promise<JSONRPCMessage> {
    return new Promise((resolve) => this.jsonWaiters.set(requestId, resolve));
  }

  /** A one-message SSE stream (primed when the version asks for it) carrying `message`. */
  replyAsStream(message: JSONRPCMessage): SseWriter | StreamRefusal {
    const writer = this.openWriter();
    if (isRefusal(writer)) return writer;
    const stream = this.newStoredStream();
    stream.attach(writer);
    if (this.primes) void stream.prime(this.options.retryMs);
    void stream.write(message, true).then((delivered) => {
      this.liveStreams.delete(stream.id);
      if (delivered) this.forget(stream.id);
    });
    return writer;
  }

  /** Opens the standalone GET stream; `undefined` when one is already open (409). */
  openStandalone(): SseWriter | StreamRefusal | undefined {
    if (this.standalone?.connected) return undefined;
    const writer = this.openWriter();
    if (isRefusal(writer)) return writer;
    if (this.standalone) this.liveStreams.delete(this.standalone.id); // its events stay resumable
    const stream = this.newStoredStream();
    stream.attach(writer);
    this.standalone = stream;
    if (this.primes) void stream.prime(this.options.retryMs);
    const backlog = this.backlog;
    this.backlog = [];
    for (const message of backlog) void stream.write(message);
    return writer;
  }

  /**
   * Resumes the stream an event id names, on a new connection: its later events are replayed,
   * then live ones follow. `undefined` when the id is unknown or belongs to another session.
   */
  async resume(lastEventId: string): Promise<SseWriter | StreamRefusal | undefined> {
    const store = this.options.eventStore;
    if (!store) return undefined;
    const streamId = await store.streamIdOf(lastEventId);
    if (!streamId || !streamId.startsWith(this.streamPrefix) || this.closed) return undefined;
    const writer = this.openWriter();
    if (isRefusal(writer)) return writer;
    const stream = this.liveStreams.get(streamId);
    if (stream) {
      if (await stream.resume(lastEventId, writer)) this.forget(streamId);
    } else {
      // the stream is over (its response was written): replay what the client missed, then end
      await store.replayEventsAfter(
        lastEventId,
        async (eventId, message) => void writer.send(message, eventId),
      );
      if (!writer.isClosed) this.forget(streamId); // the response went out: nobody asks again
      writer.close();
    }
    return writer;
  }

  /**
   * Forgets a finished stream whose response reached a connection: the client has it, so its
   * events need not be kept (a later `Last-Event-ID` naming it opens the GET stream instead).
   */
  private forget(streamId: string): void {
    if (!this.storedStreamIds.delete(streamId)) return;
    this.dropStoredStream(streamId);
  }

  /**
   * Deletes a stream's stored events. A shared store that is down (Redis restarting) is no reason
   * to fail, let alone crash: its events expire there on their own.
   */
  private dropStoredStream(streamId: string): void {
    const store = this.options.eventStore;
    if (!store?.deleteStream) return;
    Promise.resolve()
      .then(() => store.deleteStream?.(streamId))
      .catch(() => undefined);
  }

  /** Routes one outgoing message; a notification's promise waits while its reader lags. */
  private route(
    message: JSONRPCMessage,
    options?: TransportSendOptions,
  ): Promise<void> | undefined {
    this.lastActivity = Date.now();
    const isResponse = !('method' in message);
    const key = isResponse ? (message as { id?: RequestId }).id : options?.relatedRequestId;
    if (key !== undefined) {
      const waiter = this.jsonWaiters.get(key);
      if (waiter && isResponse) {
        this.jsonWaiters.delete(key);
        waiter(message);
        this.onanswered?.();
        return undefined;
      }
      const stream = waiter ? undefined : this.postStreams.get(key);
      if (stream) {
        if (isResponse) this.postStreams.delete(key);
        const written = stream.write(message, isResponse).then((delivered) => {
          if (!isResponse) return;
          this.liveStreams.delete(stream.id);
          if (delivered) this.forget(stream.id);
          this.onanswered?.();
        });
        return isResponse ? undefined : written.then(() => stream.ready());
      }
    }
    return this.toStandalone(message);
  }

  private toStandalone(message: JSONRPCMessage): Promise<void> | undefined {
    if (this.options.cluster) {
      void this.options.cluster.toStandalone(this.id, message);
      return undefined;
    }
    const standalone = this.standalone;
    if (standalone && (standalone.connected || this.options.eventStore))
      return standalone.write(message).then(() => standalone.ready());
    if (this.backlog.length < MAX_BACKLOG) this.backlog.push(message);
    return undefined;
  }

  /** Ends the session: streams closed, connection closed, stored events forgotten. */
  async close(): Promise<void> {
    await this.connection?.close();
    this.dispose();
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [id, waiter] of this.jsonWaiters) {
      waiter({
        jsonrpc: '2.0',
        id,
        error: {
          code: ErrorCode.InvalidRequest,
          message: 'The session ended before the request was answered',
        },
      });
      this.onanswered?.();
    }
    for (const _ of this.postStreams.keys()) this.onanswered?.();
    for (const stream of this.liveStreams.values()) stream.end();
    for (const id of this.storedStreamIds) this.dropStoredStream(id);
    this.jsonWaiters.clear();
    this.postStreams.clear();
    this.liveStreams.clear();
    this.storedStreamIds.clear();
    this.standalone = undefined;
    this.backlog = [];
    this.onclose?.();
  }
}
