import type Redis from 'ioredis';
import type { NonceStore } from '@typemcp/server';

/**
 * Used `requestState` nonces in Redis: `SET <prefix>n:<nonce> NX PX <until expiry>`, so exactly
 * one node can claim a nonce, and the key disappears when the state would have expired anyway.
 *
 * @example
 * createServer({ providers: [Demo], requestState: { secret, nonces: new RedisNonceStore(client) } });
 */
export class RedisNonceStore implements NonceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'typemcp:',
  ) {}

  async claim(nonce: string, expiresAt: number): Promise<boolean> {
    const ttl = Math.max(1, Math.ceil(expiresAt - Date.now()));
    return (await this.redis.set(`${this.prefix}n:${nonce}`, '1', 'PX', ttl, 'NX')) === 'OK';
  }
}
