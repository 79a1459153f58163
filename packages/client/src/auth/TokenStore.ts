import type { OAuthClientInformation, OAuthTokens } from '@typemcp/protocol';

/**
 * What is kept for one authorization server.
 *
 * @example
 * const saved: StoredCredentials = { client: { client_id: 'abc' }, tokens: { access_token: 't', token_type: 'Bearer' } };
 */
export interface StoredCredentials {
  /** The client's registration at that server (dynamic or metadata-document). */
  client?: OAuthClientInformation;
  /** The current tokens, with `expires_at` (ms since the epoch) computed at issue. */
  tokens?: OAuthTokens & { expires_at?: number };
}

/**
 * Where OAuth credentials are kept, keyed by the authorization server's issuer (2026-07-28: never
 * send one server's tokens to another).
 *
 * @example
 * class RedisTokenStore implements TokenStore {
 *   async get(issuer: string) { return JSON.parse((await redis.get(`oauth:${issuer}`)) ?? 'null') ?? undefined; }
 *   async set(issuer: string, value: StoredCredentials) { await redis.set(`oauth:${issuer}`, JSON.stringify(value)); }
 * }
 */
export interface TokenStore {
  get(issuer: string): Promise<StoredCredentials | undefined>;
  set(issuer: string, credentials: StoredCredentials): Promise<void>;
}

/**
 * A {@link TokenStore} in memory (lost when the process ends).
 *
 * @example
 * const store = new InMemoryTokenStore();
 */
export class InMemoryTokenStore implements TokenStore {
  private readonly entries = new Map<string, StoredCredentials>();

  async get(issuer: string): Promise<StoredCredentials | undefined> {
    const value = this.entries.get(issuer);
    return value && structuredClone(value);
  }

  async set(issuer: string, credentials: StoredCredentials): Promise<void> {
    this.entries.set(issuer, structuredClone(credentials));
  }
}
