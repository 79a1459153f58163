import { InvalidTokenError } from '@typemcp/protocol';
import type { AuthInfo, OAuthTokens } from '@typemcp/protocol';
import type {
  AuthorizationCodeRecord,
  AuthorizationDecision,
  AuthorizationRequest,
  OAuthClientRecord,
  OAuthServerProvider,
  TokenGrant,
} from './OAuthServerProvider';
import { hashSecret, randomToken } from './secrets';

/**
 * Options of {@link InMemoryOAuthProvider}.
 *
 * @example
 * const options: InMemoryOAuthProviderOptions = { approve: (request) => ({ subject: 'demo-user', scopes: request.scopes }), accessTokenTtlSeconds: 900 };
 */
export interface InMemoryOAuthProviderOptions {
  /** Decides each authorization request: approve (who, which scopes), deny, or show a page. */
  approve: (
    request: AuthorizationRequest,
    http: Request,
  ) => Promise<AuthorizationDecision> | AuthorizationDecision;
  /** Access token lifetime in seconds (default 3600). */
  accessTokenTtlSeconds?: number;
  /** Refresh token lifetime in seconds (default 30 days). */
  refreshTokenTtlSeconds?: number;
  /** Most clients, codes and tokens kept, each (default 10 000); the oldest go first. */
  maxEntries?: number;
  /** Clients known from the start (their `client_secret_hash` made with `hashSecret`). */
  clients?: OAuthClientRecord[];
}

interface TokenRecord {
  clientId: string;
  subject: string;
  scopes: string[];
  resource?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** Tokens issued from one authorization, revoked together when a refresh token is replayed. */
  family: string;
}

/** A Map bounded in entries: past the limit, expired entries go, then the oldest. */
class BoundedMap<V extends { expiresAt?: number }> extends Map<string, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: string, value: V): this {
    if (this.size >= this.max) {
      const now = Date.now();
      for (const [k, v] of this)
        if (v.expiresAt !== undefined && v.expiresAt <= now) this.delete(k);
      if (this.size >= this.max) this.delete(this.keys().next().value as string);
    }
    return super.set(key, value);
  }
}

/**
 * An {@link OAuthServerProvider} keeping everything in memory (bounded), for tests, examples and
 * single-process servers: opaque random tokens stored only as hashes, one-time codes, refresh
 * tokens rotated on every use with replay detection (a rotated token used again revokes its
 * family), revocation. Tokens die with the process.
 *
 * @example
 * const provider = new InMemoryOAuthProvider({ approve: async () => ({ subject: 'demo-user' }) });
 */
export class InMemoryOAuthProvider implements OAuthServerProvider {
  private readonly clients: BoundedMap<OAuthClientRecord & { expiresAt?: number }>;
  private readonly codes: BoundedMap<AuthorizationCodeRecord>;
  private readonly accessTokens: BoundedMap<TokenRecord>;
  private readonly refreshTokens: BoundedMap<TokenRecord & { used: boolean }>;
  private readonly revokedFamilies: BoundedMap<{ expiresAt: number }>;

  constructor(private readonly options: InMemoryOAuthProviderOptions) {
    const max = options.maxEntries ?? 10_000;
    this.clients = new BoundedMap(max);
    this.codes = new BoundedMap(max);
    this.accessTokens = new BoundedMap(max);
    this.refreshTokens = new BoundedMap(max);
    this.revokedFamilies = new BoundedMap(max);
    for (const client of options.clients ?? []) this.clients.set(client.client_id, client);
  }

  async getClient(clientId: string): Promise<OAuthClientRecord | undefined> {
    return this.clients.get(clientId);
  }

  async registerClient(client: OAuthClientRecord): Promise<void> {
    this.clients.set(client.client_id, client);
  }

  async authorize(request: AuthorizationRequest, http: Request): Promise<AuthorizationDecision> {
    return this.options.approve(request, http);
  }

  async saveCode(record: AuthorizationCodeRecord): Promise<void> {
    this.codes.set(hashSecret(record.code), record);
  }

  async takeCode(code: string): Promise<AuthorizationCodeRecord | undefined> {
    const key = hashSecret(code);
    const record = this.codes.get(key);
    this.codes.delete(key);
    return record && record.expiresAt > Date.now() ? record : undefined;
  }

  async issueTokens(grant: TokenGrant, family = randomToken(16)): Promise<OAuthTokens> {
    const accessTtl = this.options.accessTokenTtlSeconds ?? 3600;
    const now = Date.now();
    const base = {
      clientId: grant.clientId,
      subject: grant.subject,
      scopes: grant.scopes,
      resource: grant.resource,
      family,
    };
    const accessToken = randomToken();
    this.accessTokens.set(hashSecret(accessToken), { ...base, expiresAt: now + accessTtl * 1000 });
    const tokens: OAuthTokens = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: accessTtl,
    };
    if (grant.scopes.length) tokens.scope = grant.scopes.join(' ');
    if (grant.refresh) {
      const refreshToken = randomToken();
      const refreshTtl = this.options.refreshTokenTtlSeconds ?? 30 * 24 * 3600;
      this.refreshTokens.set(hashSecret(refreshToken), {
        ...base,
        expiresAt: now + refreshTtl * 1000,
        used: false,
      });
      tokens.refresh_token = refreshToken;
    }
    return tokens;
  }

  async refresh(
    refreshToken: string,
    clientId: string,
    scopes: string[] | undefined,
    resource: string | undefined,
  ): Promise<OAuthTokens | undefined> {
    const record = this.refreshTokens.get(hashSecret(refreshToken));
    if (
      !record ||
      record.clientId !== clientId ||
      record.expiresAt <= Date.now() ||
      this.revokedFamilies.has(record.family)
    )
      return undefined;
    if (record.used) {
      // a rotated refresh token came back: someone holds a copy, so the whole grant goes
      this.revokeFamily(record.family);
      return undefined;
    }
    if (scopes && scopes.some((s) => !record.scopes.includes(s))) return undefined;
    if (resource !== undefined && record.resource !== undefined && resource !== record.resource)
      return undefined;
    record.used = true;
    return this.issueTokens(
      {
        clientId,
        subject: record.subject,
        scopes: scopes ?? record.scopes,
        resource: record.resource,
        refresh: true,
      },
      record.family,
    );
  }

  async revoke(token: string, clientId: string): Promise<void> {
    const key = hashSecret(token);
    const access = this.accessTokens.get(key);
    if (access?.clientId === clientId) this.accessTokens.delete(key);
    const refresh = this.refreshTokens.get(key);
    if (refresh?.clientId === clientId) this.revokeFamily(refresh.family);
  }

  private revokeFamily(family: string): void {
    this.revokedFamilies.set(family, { expiresAt: Date.now() + 31 * 24 * 3600 * 1000 });
    for (const [k, v] of this.accessTokens) if (v.family === family) this.accessTokens.delete(k);
  }

  async verify(token: string): Promise<AuthInfo> {
    const record = this.accessTokens.get(hashSecret(token));
    if (!record || this.revokedFamilies.has(record.family))
      throw new InvalidTokenError('The token is not valid');
    if (record.expiresAt <= Date.now()) throw new InvalidTokenError('The token expired');
    return {
      subject: record.subject,
      clientId: record.clientId,
      scopes: record.scopes,
      expiresAt: Math.floor(record.expiresAt / 1000),
      resource: record.resource,
      token,
      claims: {
        sub: record.subject,
        client_id: record.clientId,
        scope: record.scopes.join(' '),
        aud: record.resource,
      },
    };
  }
}
