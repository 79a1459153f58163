import { ErrorCode, McpError } from '@typemcp/protocol';
import type { NonceStore } from './NonceStore';

/**
 * The default {@link NonceStore}: this process's memory. Every unexpired nonce is kept (a
 * forgotten one could be replayed); expired ones are dropped from the front in O(1) each (states
 * share one TTL, so the order of use is nearly the order of expiry), with at most one full sweep a
 * second when that is not enough. At `maxNonces` it refuses (`checkRoom` throws -32603 naming
 * `requestState.maxUsedStates`) instead of forgetting.
 *
 * @example
 * new RequestStateCodec({ secret, nonces: new InMemoryNonceStore(100_000) });
 */
export class InMemoryNonceStore implements NonceStore {
  private readonly used = new Map<string, number>();
  private lastFullSweep = 0;

  constructor(private readonly maxNonces = 100_000) {}

  /** Nonces remembered now. */
  get size(): number {
    return this.used.size;
  }

  async claim(nonce: string, expiresAt: number): Promise<boolean> {
    if (this.used.has(nonce)) return false;
    this.checkRoom();
    this.used.set(nonce, expiresAt);
    return true;
  }

  checkRoom(now = Date.now()): void {
    for (const [nonce, expiry] of this.used) {
      if (expiry >= now) break;
      this.used.delete(nonce);
    }
    if (this.used.size >= this.maxNonces && now - this.lastFullSweep > 1000) {
      this.lastFullSweep = now;
      for (const [nonce, expiry] of this.used) if (expiry < now) this.used.delete(nonce);
    }
    if (this.used.size >= this.maxNonces) {
      throw new McpError(
        ErrorCode.InternalError,
        `Too many multi round-trip states in use (requestState.maxUsedStates = ${this.maxNonces}): retry once some expire, or raise the requestState.maxUsedStates option`,
        { limit: 'maxUsedStates', value: this.maxNonces },
      );
    }
  }
}
