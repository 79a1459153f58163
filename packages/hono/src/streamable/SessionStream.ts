import type { JSONRPCMessage, RequestId } from '@typemcp/protocol';
import type { EventStore } from './EventStore';
import type { SseWriter } from './SseWriter';

/**
 * One SSE stream of a legacy session: the reply stream of a POSTed request, or the standalone
 * GET stream. The stream outlives its HTTP connection: while the client is away its events are
 * still stored, and a GET with `Last-Event-ID` attaches a new connection.
 *
 * Every write and every resumption runs through one queue, so an event is either replayed or
 * sent live on the new connection, never both and never neither.
 *
 * @example
 * const stream = new SessionStream(`${sessionId}.1`, eventStore, requestId);
 * stream.attach(new SseWriter(15_000));
 * await stream.write(message);
 */
export class SessionStream {
  /** Set once the final response was written (POST streams). */
  done = false;
  /** Set once the session ended: nothing attaches any more. */
  private ended = false;
  private writer?: SseWriter;
  private queue: Promise<void> = Promise.resolve();
  /**
   * Events sent and not stored yet (`null`: the priming event): while a deferred writer holds a
   * reply, the events get the ids the store predicts and are stored only if the stream outlives
   * this turn (see {@link EventStore.predictEventId}).
   */
  private unstored?: Array<JSONRPCMessage | null>;
  /** Called once, before this stream stores its first event. */
  onstored?: () => void;

  constructor(
    readonly id: string,
    private readonly eventStore: EventStore | undefined,
    /** The request this stream answers; `undefined` for the standalone stream. */
    readonly requestId?: RequestId,
    /** The session the stream belongs to (per-session bounds of the event store). */
    private readonly sessionId?: string,
  ) {}

  /** True while an HTTP connection is attached and open. */
  get connected(): boolean {
    return this.writer !== undefined && !this.writer.isClosed;
  }

  /** Attaches a connection (the stream's first, or a resumed one after replay). */
  attach(writer: SseWriter): void {
    if (this.writer !== writer) this.writer?.close();
    this.writer = writer;
    if (this.ended) writer.close();
  }

  /**
   * Attaches a deferred writer (a POST's reply stream) and, when the store predicts its ids,
   * stores nothing while the writer holds the events: a reply ready at once leaves with both its
   * events unstored, since a delivered stream is forgotten anyway.
   */
  attachDeferred(writer: SseWriter): void {
    this.attach(writer);
    if (!this.eventStore?.predictEventId || !writer.holding) {
      if (this.eventStore) this.onstored?.();
      return;
    }
    this.unstored = [];
    writer.onstreaming = () => this.storeUnstored();
  }

  /** Stores the events sent so far unstored, in order (they get the ids they were sent with). */
  private storeUnstored(): void {
    const events = this.unstored;
    if (!events) return;
    this.unstored = undefined;
    this.onstored?.();
    const store = this.eventStore as EventStore;
    if (events.length > 0)
      void this.enqueue(async () => {
        for (const event of events) await store.storeEvent(this.id, event, this.sessionId);
      });
  }

  /** The id of the next unstored event, when events are still held unstored. */
  private unstoredId(message: JSONRPCMessage | null): string | undefined {
    const events = this.unstored;
    if (!events) return undefined;
    if (!this.writer?.holding) {
      this.storeUnstored(); // the writer was closed or began streaming: back to the store
      return undefined;
    }
    // unstored events exist only with a store that predicts ids (see attachDeferred)
    const eventId = this.eventStore?.predictEventId?.(this.id, events.length) as string;
    events.push(message);
    return eventId;
  }

  private enqueue(task: () => Promise<void> | void): Promise<void> {
    const next = this.queue.then(task).catch(() => undefined);
    this.queue = next;
    return next;
  }

  /** Sends the 2025-11-25 priming event: an id (when events are stored) and empty data. */
  prime(retryMs: number | undefined): Promise<void> {
    const unstored = this.unstoredId(null);
    if (unstored !== undefined) {
      this.writer?.prime(unstored, retryMs);
      return Promise.resolve();
    }
    return this.enqueue(async () => {
      if (!this.eventStore) return;
      const eventId = await this.eventStore.storeEvent(this.id, null, this.sessionId);
      this.writer?.prime(eventId, retryMs);
    });
  }

  /**
   * Stores and sends one message; `final` marks the request's response, after which the
   * connection closes. Returns false through `delivered` when no connection took it.
   */
  write(message: JSONRPCMessage, final = false): Promise<boolean> {
    const unstored = this.unstoredId(message);
    if (unstored !== undefined) {
      const writer = this.writer as SseWriter;
      const delivered = writer.send(message, unstored, final); // final: closes, one string leaves
      if (final) this.done = true;
      return Promise.resolve(delivered);
    }
    let delivered = false;
    return this.enqueue(async () => {
      const eventId = this.eventStore
        ? await this.eventStore.storeEvent(this.id, message, this.sessionId)
        : undefined;
      if (this.connected) delivered = (this.writer as SseWriter).send(message, eventId);
      if (final) {
        this.done = true;
        this.writer?.close();
      }
    }).then(() => delivered);
  }

  /**
   * Replays the events after `lastEventId` on `writer`, then attaches it (or closes it when
   * done). Resolves true when the replay delivered the final response.
   */
  resume(lastEventId: string, writer: SseWriter): Promise<boolean> {
    let finished = false;
    return this.enqueue(async () => {
      await this.eventStore?.replayEventsAfter(lastEventId, async (eventId, message) => {
        writer.send(message, eventId);
      });
      finished = this.done && !writer.isClosed;
      if (this.done || this.ended) writer.close();
      else this.attach(writer);
    }).then(() => finished);
  }

  /** Resolves once the attached connection's reader has room (at once when none is attached). */
  ready(): Promise<void> {
    return this.writer?.ready() ?? Promise.resolve();
  }

  /**
   * Closes the attached connection once what was written before is out (with a store that answers
   * later, e.g. Redis, the priming event — the id the client resumes from — is still being
   * stored); the stream goes on and can be resumed.
   */
  close(): void {
    this.storeUnstored(); // the client resumes from the ids it was sent: they must be stored
    const writer = this.writer;
    void this.enqueue(() => writer?.close());
  }

  /** Ends the stream for good (its session ended): its connection closes, a later resume too. */
  end(): void {
    this.ended = true;
    this.writer?.close();
  }
}
