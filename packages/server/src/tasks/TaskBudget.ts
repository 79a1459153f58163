import { ErrorCode, McpError } from '@typemcp/protocol';

/** Limits on live tasks (running, or waiting for input), shared by both task engines. */
export interface TaskLimits {
  /** Live tasks across the server (default 1000). */
  maxLiveTasks?: number;
  /**
   * Live tasks of one owner: the authenticated subject, else (2025-11-25) the session, else
   * every anonymous 2026-07-28 caller together (default 100).
   */
  maxLiveTasksPerOwner?: number;
}

/**
 * Counts live tasks per owner and in all, and refuses a new one past a limit with the shape of
 * every other limit: -32603, a message naming the option, `data: { limit, value }`. A slot is
 * held from creation until the task is final, cancelled or expired.
 *
 * @example
 * const release = budget.acquire('subject:alice'); // throws past a limit
 * release(); // once the task ends
 */
export class TaskBudget {
  private live = 0;
  private readonly perOwner = new Map<string, number>();
  readonly maxLive: number;
  readonly maxPerOwner: number;

  constructor(limits: TaskLimits = {}) {
    this.maxLive = limits.maxLiveTasks ?? 1000;
    this.maxPerOwner = limits.maxLiveTasksPerOwner ?? 100;
  }

  /** Live tasks now. */
  get size(): number {
    return this.live;
  }

  /** Takes a slot for `owner`; returns its release (idempotent), or throws the refusal. */
  acquire(owner: string): () => void {
    if (this.live >= this.maxLive)
      throw refusal('maxLiveTasks', this.maxLive, 'Too many live tasks on this server');
    const mine = this.perOwner.get(owner) ?? 0;
    if (mine >= this.maxPerOwner)
      throw refusal(
        'maxLiveTasksPerOwner',
        this.maxPerOwner,
        'Too many live tasks for this caller',
      );
    this.live++;
    this.perOwner.set(owner, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.live--;
      const left = (this.perOwner.get(owner) ?? 1) - 1;
      if (left > 0) this.perOwner.set(owner, left);
      else this.perOwner.delete(owner);
    };
  }
}

function refusal(limit: string, value: number, what: string): McpError {
  return new McpError(
    ErrorCode.InternalError,
    `${what} (${limit} = ${value}): wait for tasks to finish and retry, or raise the tasks.${limit} option`,
    {
      limit,
      value,
    },
  );
}
