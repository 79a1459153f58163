import type { JSONRPCMessage } from '@typemcp/protocol';
import type { EventStore } from './EventStore';

/** Options of {@link InMemoryEventStore}. */
export interface InMemoryEventStoreOptions {
  /** Events kept per stream; older ones are dropped (default 1000). */
  maxEventsPerStream?: number;
  /** Streams kept; the least recently written is dropped first (default 10000). */
  maxStreams?: number;
  /** Events kept across all streams; past it, least recently written streams go (default 100000). */
  maxTotalEvents?: number;
}

/**
 * The default {@link EventStore}: bounded, in memory. Event ids are `<streamId>_<sequence>`, so an
 * id names its stream and a replay never crosses into another stream.
 *
 * @example
 * mcpApp(server, { eventStore: new InMemoryEventStore({ maxEventsPerStream: 100 }) });
 */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, { next: number; events: Array<{ seq: number; message: JSONRPCMessage | null }> }>();
  private readonly maxEvents: number;
  private readonly maxStreams: number;
  private readonly maxTotal: number;
  private total = 0;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.maxEvents = options.maxEventsPerStream ?? 1000;
    this.maxStreams = options.maxStreams ?? 10_000;
    this.maxTotal = options.maxTotalEvents ?? 100_000;
  }

  /** Events held now, across all streams. */
  get size(): number {
    return this.total;
  }

  private dropOldest(): void {
    const oldest = this.streams.keys().next().value as string | undefined;
    if (oldest !== undefined) void this.deleteStream(oldest);
  }

  private parse(eventId: string): { streamId: string; seq: number } | undefined {
    const i = eventId.lastIndexOf('_');
    if (i <= 0) return undefined;
    const seq = Number(eventId.slice(i + 1));
    return Number.isInteger(seq) ? { streamId: eventId.slice(0, i), seq } : undefined;
  }

  async storeEvent(streamId: string, message: JSONRPCMessage | null): Promise<string> {
    let stream = this.streams.get(streamId);
    if (!stream) {
      if (this.streams.size >= this.maxStreams) this.dropOldest();
      stream = { next: 0, events: [] };
    } else {
      this.streams.delete(streamId); // re-insert: most recently written last
    }
    this.streams.set(streamId, stream);
    const seq = stream.next++;
    stream.events.push({ seq, message });
    this.total++;
    if (stream.events.length > this.maxEvents) {
      stream.events.shift();
      this.total--;
    }
    while (this.total > this.maxTotal && this.streams.size > 1) this.dropOldest();
    return `${streamId}_${seq}`;
  }

  async streamIdOf(eventId: string): Promise<string | undefined> {
    const parsed = this.parse(eventId);
    return parsed && this.streams.has(parsed.streamId) ? parsed.streamId : undefined;
  }

  async replayEventsAfter(lastEventId: string, send: (eventId: string, message: JSONRPCMessage) => Promise<void>): Promise<string | undefined> {
    const parsed = this.parse(lastEventId);
    const stream = parsed && this.streams.get(parsed.streamId);
    if (!parsed || !stream) return undefined;
    for (const event of stream.events) {
      if (event.seq > parsed.seq && event.message) await send(`${parsed.streamId}_${event.seq}`, event.message);
    }
    return parsed.streamId;
  }

  async deleteStream(streamId: string): Promise<void> {
    const stream = this.streams.get(streamId);
    if (!stream) return;
    this.total -= stream.events.length;
    this.streams.delete(streamId);
  }
}
