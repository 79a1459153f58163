import type Redis from 'ioredis';
import type { TaskRecord, TaskStore } from '@typemcp/server';

/**
 * Tasks in Redis: one JSON record per task (`<prefix>t:<taskId>`) expiring with the task's
 * `ttlMs` (an update keeps the expiry), and per owner a sorted set of task ids by expiry for
 * `tasks/list`.
 *
 * @example
 * createServer({ providers: [Jobs], taskStore: new RedisTaskStore(client) });
 */
export class RedisTaskStore implements TaskStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'typemcp:',
  ) {}

  private key(taskId: string): string {
    return `${this.prefix}t:${taskId}`;
  }

  private ownerKey(subject: string | undefined): string {
    return `${this.prefix}tasks:${subject ?? ''}`;
  }

  async create(task: TaskRecord): Promise<void> {
    const expires = Date.now() + task.ttlMs;
    await this.redis
      .multi()
      .set(this.key(task.taskId), JSON.stringify(task), 'PX', task.ttlMs)
      .zadd(this.ownerKey(task.subject), expires, task.taskId)
      .pexpire(this.ownerKey(task.subject), task.ttlMs)
      .exec();
  }

  async get(taskId: string): Promise<TaskRecord | undefined> {
    const text = await this.redis.get(this.key(taskId));
    return text ? (JSON.parse(text) as TaskRecord) : undefined;
  }

  async update(task: TaskRecord): Promise<void> {
    await this.redis.set(this.key(task.taskId), JSON.stringify(task), 'KEEPTTL', 'XX');
  }

  async list(subject: string | undefined): Promise<TaskRecord[]> {
    const now = Date.now();
    const owner = this.ownerKey(subject);
    await this.redis.zremrangebyscore(owner, '-inf', now);
    const ids = await this.redis.zrangebyscore(owner, now, '+inf', 'LIMIT', 0, 10_000);
    if (ids.length === 0) return [];
    const texts = await this.redis.mget(ids.map((id) => this.key(id)));
    return texts.filter((t): t is string => t !== null).map((t) => JSON.parse(t) as TaskRecord);
  }
}
