import type Redis from 'ioredis';
import type { JSONRPCMessage } from '@typemcp/protocol';
import type { EventStore } from '@typemcp/hono';

/**
 * Bounds of {@link RedisEventStore}.
 *
 * @example
 * redisStores(url, { events: { maxEventsPerStream: 200, maxEventBytes: 256 * 1024, ttlMs: 10 * 60_000 } });
 */
export interface RedisEventStoreOptions {
  /** Events kept per stream (XADD MAXLEN, approximate; default 1000). */
  maxEventsPerStream?: number;
  /**
   * Largest event kept for replay, in bytes of JSON (default 1 MiB): a larger one is still sent
   * live but stored as a gap, so a stream holds at most `maxEventsPerStream` × this.
   */
  maxEventBytes?: number;
  /** A stream is dropped this long after its last event (default 30 min). */
  ttlMs?: number;
}

const ENTRY_ID = /^\d{1,20}-\d{1,20}$/;
const BATCH = 500;

/**
 * Stream events in Redis Streams, one stream per SSE stream (`<prefix>ev:<streamId>`): XADD with
 * MAXLEN (and a per-event byte bound) to store, XRANGE after the last id to replay. Event ids are
 * `<streamId>_<entry id>`, so an id names its stream and any node can resume it.
 *
 * @example
 * const events = new RedisEventStore(client, 'typemcp:', { maxEventsPerStream: 500 });
 */
export class RedisEventStore implements EventStore {
  private readonly maxEvents: number;
  private readonly maxBytes: number;
  private readonly ttlMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'typemcp:',
    options: RedisEventStoreOptions = {},
  ) {
    this.maxEvents = options.maxEventsPerStream ?? 1000;
    this.maxBytes = options.maxEventBytes ?? 1 << 20;
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
  }

  private key(streamId: string): string {
    return `${this.prefix}ev:${streamId}`;
  }

  private parse(eventId: string): { streamId: string; entry: string } | undefined {
    const i = eventId.lastIndexOf('_');
    const entry = eventId.slice(i + 1);
    return i > 0 && ENTRY_ID.test(entry) ? { streamId: eventId.slice(0, i), entry } : undefined;
  }

  async storeEvent(streamId: string, message: JSONRPCMessage | null): Promise<string> {
    let data = message === null ? '' : JSON.stringify(message);
    if (Buffer.byteLength(data) > this.maxBytes) data = ''; // a gap: sent live, not replayed
    const key = this.key(streamId);
    const [[error, entry]] = (await this.redis
      .multi()
      .xadd(key, 'MAXLEN', '~', String(this.maxEvents), '*', 'm', data)
      .pexpire(key, this.ttlMs)
      .exec()) as [[Error | null, string]];
    if (error) throw error;
    return `${streamId}_${entry}`;
  }

  async streamIdOf(eventId: string): Promise<string | undefined> {
    const parsed = this.parse(eventId);
    return parsed && (await this.redis.exists(this.key(parsed.streamId))) === 1
      ? parsed.streamId
      : undefined;
  }

  async replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, message: JSONRPCMessage) => Promise<void>,
  ): Promise<string | undefined> {
    const parsed = this.parse(lastEventId);
    if (!parsed) return undefined;
    const key = this.key(parsed.streamId);
    let after = parsed.entry;
    for (;;) {
      const entries = await this.redis.xrange(key, `(${after}`, '+', 'COUNT', BATCH);
      if (entries.length === 0 && after === parsed.entry && (await this.redis.exists(key)) === 0)
        return undefined;
      for (const [entry, fields] of entries) {
        after = entry;
        const data = fields[1];
        if (data) await send(`${parsed.streamId}_${entry}`, JSON.parse(data) as JSONRPCMessage);
      }
      if (entries.length < BATCH) return parsed.streamId;
    }
  }

  async deleteStream(streamId: string): Promise<void> {
    await this.redis.del(this.key(streamId));
  }
}
