import type { TaskRecord, TaskStore } from './TaskStore';

/** Options of {@link InMemoryTaskStore}. */
export interface InMemoryTaskStoreOptions {
  /**
   * Records kept (default 10 000). Past it the oldest final task (completed, failed, cancelled)
   * makes room; live tasks are bounded by `tasks.maxLiveTasks`, which must stay below this.
   */
  maxTasks?: number;
}

const FINAL = new Set(['completed', 'failed', 'cancelled']);

/**
 * The default {@link TaskStore}: in memory, each task dropped once its `ttlMs` has passed. Expiry
 * is filed by second, so creating a task costs O(1) (amortised) however many are stored, and
 * expired records are freed as time passes, not only when looked up.
 *
 * @example
 * createServer({ providers: [Jobs], taskStore: new InMemoryTaskStore({ maxTasks: 1000 }) });
 */
export class InMemoryTaskStore implements TaskStore {
  /** Records in creation order. */
  private readonly tasks = new Map<string, { task: TaskRecord; expires: number }>();
  /** Ids expiring in each second (`Math.floor(expires / 1000)`). */
  private readonly expiring = new Map<number, string[]>();
  /** Every second before this one has been swept. */
  private swept = Math.floor(Date.now() / 1000);
  private readonly maxTasks: number;

  constructor(options: InMemoryTaskStoreOptions = {}) {
    this.maxTasks = options.maxTasks ?? 10_000;
  }

  /** Frees the records of every second that has fully passed (each second visited once). */
  private sweep(now: number): void {
    const upTo = Math.floor(now / 1000);
    if (upTo - this.swept > this.expiring.size) {
      // idle for long: visit the filed seconds rather than every second in between
      for (const [second, ids] of this.expiring) if (second < upTo) this.drop(second, ids, now);
    } else {
      for (let second = this.swept; second < upTo; second++) {
        const ids = this.expiring.get(second);
        if (ids) this.drop(second, ids, now);
      }
    }
    this.swept = Math.max(this.swept, upTo);
  }

  private drop(second: number, ids: string[], now: number): void {
    this.expiring.delete(second);
    for (const id of ids) {
      const entry = this.tasks.get(id);
      if (entry && entry.expires <= now) this.tasks.delete(id);
    }
  }

  /** Makes room for one record: the oldest final task goes (live ones are bounded elsewhere). */
  private makeRoom(): void {
    for (const [id, entry] of this.tasks) {
      if (FINAL.has(entry.task.status)) {
        this.tasks.delete(id);
        return;
      }
    }
    const oldest = this.tasks.keys().next().value as string | undefined;
    if (oldest !== undefined) this.tasks.delete(oldest);
  }

  async create(task: TaskRecord): Promise<void> {
    const now = Date.now();
    this.sweep(now);
    if (this.tasks.size >= this.maxTasks) this.makeRoom();
    const expires = now + task.ttlMs;
    this.tasks.set(task.taskId, { task: { ...task }, expires });
    const second = Math.max(Math.floor(expires / 1000), this.swept);
    const ids = this.expiring.get(second);
    if (ids) ids.push(task.taskId);
    else this.expiring.set(second, [task.taskId]);
  }

  async get(taskId: string): Promise<TaskRecord | undefined> {
    const entry = this.tasks.get(taskId);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.tasks.delete(taskId);
      return undefined;
    }
    return { ...entry.task };
  }

  async update(task: TaskRecord): Promise<void> {
    const entry = this.tasks.get(task.taskId);
    if (entry) entry.task = { ...task };
  }

  async list(subject: string | undefined): Promise<TaskRecord[]> {
    const now = Date.now();
    this.sweep(now);
    return [...this.tasks.values()]
      .filter((e) => e.task.subject === subject && e.expires > now)
      .map((e) => ({ ...e.task }));
  }

  /** Tasks held now. */
  get size(): number {
    return this.tasks.size;
  }
}
