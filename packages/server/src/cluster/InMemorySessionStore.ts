import type { SessionRecord, SessionStore } from './SessionStore';

/**
 * A {@link SessionStore} in this process's memory, bounded by `maxSessions` (the oldest goes
 * first). Only useful to several engines inside one process (tests, or sharing sessions between
 * two mounted apps); a real cluster uses a shared store such as `@typemcp/redis`.
 *
 * @example
 * const sessions = new InMemorySessionStore({ maxSessions: 1000 });
 */
export class InMemorySessionStore implements SessionStore {
  private readonly records = new Map<string, { record: SessionRecord; expires: number }>();
  private readonly maxSessions: number;

  constructor(options: { maxSessions?: number } = {}) {
    this.maxSessions = options.maxSessions ?? 100_000;
  }

  private live(id: string, now = Date.now()): SessionRecord | undefined {
    const entry = this.records.get(id);
    if (entry && entry.expires < now) this.records.delete(id);
    return entry && entry.expires >= now ? entry.record : undefined;
  }

  async save(record: SessionRecord, ttlMs: number): Promise<void> {
    this.records.delete(record.id);
    if (this.records.size >= this.maxSessions)
      this.records.delete(this.records.keys().next().value as string);
    this.records.set(record.id, { record: structuredClone(record), expires: Date.now() + ttlMs });
  }

  async touch(id: string, ttlMs: number): Promise<SessionRecord | undefined> {
    const record = this.live(id);
    if (!record) return undefined;
    this.records.set(id, { record, expires: Date.now() + ttlMs });
    return structuredClone(record);
  }

  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }

  async subscribers(uri: string): Promise<string[]> {
    const now = Date.now();
    return [...this.records.keys()].filter((id) => this.live(id, now)?.subscriptions.includes(uri));
  }

  async list(limit: number): Promise<string[]> {
    const now = Date.now();
    return [...this.records.keys()].filter((id) => this.live(id, now)).slice(0, limit);
  }
}
