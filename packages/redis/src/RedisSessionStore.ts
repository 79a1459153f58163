import type Redis from 'ioredis';
import type { SessionRecord, SessionStore } from '@typemcp/server';

/**
 * Legacy sessions in Redis: one JSON record per session (`<prefix>s:<id>`, expiring `ttlMs` after
 * its last use), a sorted set of live sessions by expiry (for list-change notifications) and a
 * set per resource URI of the sessions subscribed to it (pruned as records expire).
 *
 * @example
 * const sessions = new RedisSessionStore(client, 'typemcp:');
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'typemcp:',
  ) {}

  private key(id: string): string {
    return `${this.prefix}s:${id}`;
  }

  private get liveKey(): string {
    return `${this.prefix}sessions`;
  }

  private subKey(uri: string): string {
    return `${this.prefix}sub:${uri}`;
  }

  async save(record: SessionRecord, ttlMs: number): Promise<void> {
    const multi = this.redis
      .multi()
      .set(this.key(record.id), JSON.stringify(record), 'PX', ttlMs)
      .zadd(this.liveKey, Date.now() + ttlMs, record.id);
    for (const uri of record.subscriptions) multi.sadd(this.subKey(uri), record.id);
    await multi.exec();
  }

  async touch(id: string, ttlMs: number): Promise<SessionRecord | undefined> {
    const [[, text]] = (await this.redis.multi().getex(this.key(id), 'PX', ttlMs).exec()) as [
      [Error | null, string | null],
    ];
    if (!text) {
      await this.redis.zrem(this.liveKey, id);
      return undefined;
    }
    await this.redis.zadd(this.liveKey, Date.now() + ttlMs, id);
    return JSON.parse(text) as SessionRecord;
  }

  async delete(id: string): Promise<void> {
    await this.redis.multi().del(this.key(id)).zrem(this.liveKey, id).exec();
  }

  async subscribers(uri: string): Promise<string[]> {
    const ids = await this.redis.smembers(this.subKey(uri));
    if (ids.length === 0) return [];
    const records = await this.redis.mget(ids.map((id) => this.key(id)));
    const live: string[] = [];
    const stale: string[] = [];
    ids.forEach((id, i) => {
      const text = records[i];
      if (text && (JSON.parse(text) as SessionRecord).subscriptions.includes(uri)) live.push(id);
      else stale.push(id);
    });
    if (stale.length > 0) await this.redis.srem(this.subKey(uri), ...stale);
    return live;
  }

  async list(limit: number): Promise<string[]> {
    const now = Date.now();
    await this.redis.zremrangebyscore(this.liveKey, '-inf', now);
    return this.redis.zrangebyscore(this.liveKey, now, '+inf', 'LIMIT', 0, limit);
  }
}
