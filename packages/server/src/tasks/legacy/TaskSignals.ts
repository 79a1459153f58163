import type { RequestId } from '@typemcp/protocol';

/**
 * In-process wake-ups of the 2025-11-25 tasks: a `tasks/result` request waits for its task to
 * change, and a task that needs to ask the client waits until a `tasks/result` request for it is
 * open (its questions travel on that request's stream, as the spec recommends for HTTP).
 */
export class TaskSignals {
  private readonly changeWaiters = new Map<string, Set<() => void>>();
  private readonly openResults = new Map<string, RequestId[]>();
  private readonly resultWaiters = new Map<string, Set<(id: RequestId) => void>>();

  /** Wakes everything waiting for `taskId` to change. */
  changed(taskId: string): void {
    const waiters = this.changeWaiters.get(taskId);
    if (!waiters) return;
    this.changeWaiters.delete(taskId);
    for (const wake of waiters) wake();
  }

  /** Resolves at the next change of the task, after `pollMs` (for stores shared by other processes), or when `signal` aborts. */
  nextChange(taskId: string, pollMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let waiters = this.changeWaiters.get(taskId);
      if (!waiters) this.changeWaiters.set(taskId, (waiters = new Set()));
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        waiters.delete(done);
        if (waiters.size === 0 && this.changeWaiters.get(taskId) === waiters)
          this.changeWaiters.delete(taskId);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      signal?.addEventListener('abort', done, { once: true });
      waiters.add(done);
    });
  }

  /** Records an open `tasks/result` request; returns the function that closes it. */
  openResult(taskId: string, requestId: RequestId): () => void {
    const open = this.openResults.get(taskId) ?? [];
    open.push(requestId);
    this.openResults.set(taskId, open);
    const waiters = this.resultWaiters.get(taskId);
    if (waiters) {
      this.resultWaiters.delete(taskId);
      for (const wake of waiters) wake(requestId);
    }
    return () => {
      const list = this.openResults.get(taskId);
      if (!list) return;
      const index = list.indexOf(requestId);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) this.openResults.delete(taskId);
    };
  }

  /** The id of an open `tasks/result` request for the task, waiting for one if none is open. */
  resultRequest(taskId: string, signal: AbortSignal): Promise<RequestId> {
    const open = this.openResults.get(taskId);
    if (open && open.length > 0) return Promise.resolve(open[open.length - 1] as RequestId);
    return new Promise((resolve, reject) => {
      let waiters = this.resultWaiters.get(taskId);
      if (!waiters) this.resultWaiters.set(taskId, (waiters = new Set()));
      const onAbort = (): void => {
        waiters.delete(wake);
        if (waiters.size === 0 && this.resultWaiters.get(taskId) === waiters)
          this.resultWaiters.delete(taskId);
        reject(
          signal.reason instanceof Error
            ? signal.reason
            : new Error(String(signal.reason ?? 'Task cancelled')),
        );
      };
      const wake = (id: RequestId): void => {
        signal.removeEventListener('abort', onAbort);
        resolve(id);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      waiters.add(wake);
    });
  }
}
