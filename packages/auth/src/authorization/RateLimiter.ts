/**
 * Fixed-window request counting per key (a client address and an endpoint), bounded in keys.
 *
 * @example
 * const limiter = new RateLimiter(60, 60_000);
 * if (!limiter.allow(`${ip}:token`)) return tooManyRequests();
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one request of `key`; false when the key is over its limit in this window. */
  allow(key: string, now = Date.now()): boolean {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (!window && this.windows.size >= this.maxKeys) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count <= this.max;
  }

  /** Seconds until `key`'s window ends. */
  retryAfter(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    return window ? Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) : 1;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    if (this.windows.size >= this.maxKeys)
      this.windows.delete(this.windows.keys().next().value as string);
  }
}
