import type { JSONRPCMessage } from '@typemcp/protocol';
import type { EventStore } from './EventStore';

/** Options of {@link InMemoryEventStore}. Sizes are characters of the serialized JSON. */
export interface InMemoryEventStoreOptions {
  /** Events kept per stream; older ones are dropped (default 1000). */
  maxEventsPerStream?: number;
  /** Bytes kept per stream; older events are dropped, a larger event is not kept (default 8 MiB). */
  maxBytesPerStream?: number;
  /** Bytes kept per session; its oldest streams go first (default 16 MiB). */
  maxBytesPerSession?: number;
  /** Streams kept; the least recently written is dropped first (default 10000). */
  maxStreams?: number;
  /** Events kept across all streams; past it, least recently written streams go (default 100000). */
  maxTotalEvents?: number;
  /** Bytes kept across all streams; past it, least recently written streams go (default 128 MiB). */
  maxTotalBytes?: number;
}

interface StoredEvent {
  seq: number;
  /** The serialized message (`null`: the priming event). */
  data: string | null;
}

interface StoredStream {
  id: string;
  session: string;
  next: number;
  events: StoredEvent[];
  bytes: number;
}

const MiB = 1024 * 1024;

/**
 * The default {@link EventStore}: in memory, bounded in events and in bytes per stream, per
 * session and in total. Event ids are `<streamId>_<sequence>`, so an id names its stream and a
 * replay never crosses into another stream. Past a bound the oldest events go: a resumption then
 * replays what is left (see docs/transports.md, "What resumability guarantees").
 *
 * @example
 * mcpHonoApp(server, { eventStore: new InMemoryEventStore({ maxTotalBytes: 32 * 1024 * 1024 }) });
 */
export class InMemoryEventStore implements EventStore {
  /** Streams in least recently written order. */
  private readonly streams = new Map<string, StoredStream>();
  private readonly sessions = new Map<string, { bytes: number; streams: Set<StoredStream> }>();
  private readonly maxEvents: number;
  private readonly maxStreamBytes: number;
  private readonly maxSessionBytes: number;
  private readonly maxStreams: number;
  private readonly maxTotal: number;
  private readonly maxTotalBytes: number;
  private total = 0;
  private totalBytes = 0;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.maxEvents = options.maxEventsPerStream ?? 1000;
    this.maxStreamBytes = options.maxBytesPerStream ?? 8 * MiB;
    this.maxSessionBytes = options.maxBytesPerSession ?? 16 * MiB;
    this.maxStreams = options.maxStreams ?? 10_000;
    this.maxTotal = options.maxTotalEvents ?? 100_000;
    this.maxTotalBytes = options.maxTotalBytes ?? 128 * MiB;
  }

  /** Events held now, across all streams. */
  get size(): number {
    return this.total;
  }

  /** Bytes held now, across all streams. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Streams held now. */
  get streamCount(): number {
    return this.streams.size;
  }

  private parse(eventId: string): { streamId: string; seq: number } | undefined {
    const i = eventId.lastIndexOf('_');
    if (i <= 0) return undefined;
    const seq = Number(eventId.slice(i + 1));
    return Number.isInteger(seq) ? { streamId: eventId.slice(0, i), seq } : undefined;
  }

  async storeEvent(
    streamId: string,
    message: JSONRPCMessage | null,
    sessionId?: string,
  ): Promise<string> {
    let stream = this.streams.get(streamId);
    if (stream) {
      this.streams.delete(streamId); // re-insert: most recently written last
    } else {
      if (this.streams.size >= this.maxStreams) this.dropOldest();
      stream = { id: streamId, session: sessionId ?? streamId, next: 0, events: [], bytes: 0 };
      const session = this.sessions.get(stream.session) ?? {
        bytes: 0,
        streams: new Set<StoredStream>(),
      };
      session.streams.add(stream);
      this.sessions.set(stream.session, session);
    }
    this.streams.set(streamId, stream);
    const seq = stream.next++;
    const data = message === null ? null : JSON.stringify(message);
    const bytes = data?.length ?? 0;
    // an event larger than a stream may hold keeps its id (live delivery) but is not kept
    if (bytes > this.maxStreamBytes || bytes > this.maxSessionBytes || bytes > this.maxTotalBytes)
      return `${streamId}_${seq}`;
    stream.events.push({ seq, data });
    this.account(stream, 1, bytes);
    while (stream.events.length > this.maxEvents || stream.bytes > this.maxStreamBytes)
      this.shift(stream);
    const session = this.sessions.get(stream.session) as {
      bytes: number;
      streams: Set<StoredStream>;
    };
    while (session.bytes > this.maxSessionBytes) this.shedFrom(session.streams, stream);
    while (this.total > this.maxTotal || this.totalBytes > this.maxTotalBytes)
      this.shedFrom(this.streams.values(), stream);
    return `${streamId}_${seq}`;
  }

  /** Event ids are `<streamId>_<index>`: a fresh stream's events are numbered from 0. */
  predictEventId(streamId: string, index: number): string {
    return `${streamId}_${index}`;
  }

  async streamIdOf(eventId: string): Promise<string | undefined> {
    const parsed = this.parse(eventId);
    return parsed && this.streams.has(parsed.streamId) ? parsed.streamId : undefined;
  }

  async replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, message: JSONRPCMessage) => Promise<void>,
  ): Promise<string | undefined> {
    const parsed = this.parse(lastEventId);
    const stream = parsed && this.streams.get(parsed.streamId);
    if (!parsed || !stream) return undefined;
    for (const event of [...stream.events]) {
      if (event.seq > parsed.seq && event.data)
        await send(`${parsed.streamId}_${event.seq}`, JSON.parse(event.data) as JSONRPCMessage);
    }
    return parsed.streamId;
  }

  async deleteStream(streamId: string): Promise<void> {
    const stream = this.streams.get(streamId);
    if (!stream) return;
    this.account(stream, -stream.events.length, -stream.bytes);
    stream.events = [];
    this.streams.delete(streamId);
    const session = this.sessions.get(stream.session);
    session?.streams.delete(stream);
    if (session && session.streams.size === 0) this.sessions.delete(stream.session);
  }

  private account(stream: StoredStream, events: number, bytes: number): void {
    stream.bytes += bytes;
    this.total += events;
    this.totalBytes += bytes;
    const session = this.sessions.get(stream.session);
    if (session) session.bytes += bytes;
  }

  /** Drops a stream's oldest event. */
  private shift(stream: StoredStream): void {
    const event = stream.events.shift();
    if (event) this.account(stream, -1, -(event.data?.length ?? 0));
  }

  /** Frees room: the least recently written stream other than `keep` goes, else `keep`'s oldest event. */
  private shedFrom(streams: Iterable<StoredStream>, keep: StoredStream): void {
    for (const stream of streams) {
      if (stream !== keep) {
        void this.deleteStream(stream.id);
        return;
      }
    }
    this.shift(keep);
  }

  private dropOldest(): void {
    const oldest = this.streams.keys().next().value as string | undefined;
    if (oldest !== undefined) void this.deleteStream(oldest);
  }
}
