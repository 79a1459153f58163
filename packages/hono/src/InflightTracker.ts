/**
 * Counts the requests being answered, so a graceful shutdown can wait for them to finish.
 *
 * @example
 * inflight.begin();
 * try { return await answer(); } finally { inflight.end(); }
 */
export class InflightTracker {
  private count = 0;
  private waiters: Array<() => void> = [];

  /** Requests being answered now. */
  get size(): number {
    return this.count;
  }

  /** One more request is being answered. */
  begin(): void {
    this.count++;
  }

  /** One request's answer is complete. */
  end(): void {
    if (this.count > 0) this.count--;
    if (this.count === 0 && this.waiters.length > 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Resolves once nothing is in flight, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.count === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
}
