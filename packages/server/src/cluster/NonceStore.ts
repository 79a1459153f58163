/**
 * Remembers the single-use nonces of `requestState` (multi round-trip requests, 2026-07-28), so
 * a state used once is refused when replayed — on any node that shares the store.
 *
 * @example
 * if (!(await nonces.claim(payload.n, payload.e))) throw new Error('replayed');
 */
export interface NonceStore {
  /** Marks `nonce` used until `expiresAt` (ms since the epoch); false when it already was. */
  claim(nonce: string, expiresAt: number): Promise<boolean>;
  /**
   * Throws (an `McpError` naming the limit) when no new state may be signed now because the
   * store is full of unexpired nonces; stores without a count limit leave it out.
   */
  checkRoom?(): void;
}
