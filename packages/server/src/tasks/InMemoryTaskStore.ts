import type { TaskRecord, TaskStore } from './TaskStore';

/** The default {@link TaskStore}: in memory, each task dropped once its `ttlMs` has passed. */
export class InMemoryTaskStore implements TaskStore {
  private readonly tasks = new Map<string, { task: TaskRecord; expires: number }>();

  private sweep(now: number): void {
    for (const [id, entry] of this.tasks) if (entry.expires < now) this.tasks.delete(id);
  }

  async create(task: TaskRecord): Promise<void> {
    const now = Date.now();
    this.sweep(now);
    this.tasks.set(task.taskId, { task: { ...task }, expires: now + task.ttlMs });
  }

  async get(taskId: string): Promise<TaskRecord | undefined> {
    const entry = this.tasks.get(taskId);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
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
    this.sweep(Date.now());
    return [...this.tasks.values()].filter((e) => e.task.subject === subject).map((e) => ({ ...e.task }));
  }

  /** Tasks held now. */
  get size(): number {
    return this.tasks.size;
  }
}
