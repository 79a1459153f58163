import type { NonceStore } from './NonceStore';

/**
 * The default {@link NonceStore}: this process's memory, expired nonces swept on use, at most
 * `maxNonces` kept (the oldest forgotten first; its state still expires on its own).
 *
 * @example
 * new RequestStateCodec({ secret, nonces: new InMemoryNonceStore() });
 */
export class InMemoryNonceStore implements NonceStore {
  private readonly used = new Map<string, number>();

  constructor(private readonly maxNonces = 100_000) {}

  async claim(nonce: string, expiresAt: number): Promise<boolean> {
    return this.claimNow(nonce, expiresAt);
  }

  /** The same, synchronously. */
  claimNow(nonce: string, expiresAt: number): boolean {
    const now = Date.now();
    for (const [n, expiry] of this.used) if (expiry < now) this.used.delete(n);
    if (this.used.has(nonce)) return false;
    if (this.used.size >= this.maxNonces) this.used.delete(this.used.keys().next().value as string);
    this.used.set(nonce, expiresAt);
    return true;
  }
}
