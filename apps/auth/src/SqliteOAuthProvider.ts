import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InvalidTokenError } from '@typemcp/auth';
import type {
  AuthInfo,
  AuthorizationCodeRecord,
  AuthorizationDecision,
  AuthorizationRequest,
  OAuthClientRecord,
  OAuthServerProvider,
  OAuthTokens,
  TokenGrant,
} from '@typemcp/auth';
import { hashSecret, randomToken } from '@typemcp/auth';
import initSqlJs from 'sql.js';
import type { Database, SqlValue } from 'sql.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS clients (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS codes (hash TEXT PRIMARY KEY, record TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, client_id TEXT NOT NULL, subject TEXT NOT NULL,
  scopes TEXT NOT NULL, resource TEXT, family TEXT NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS revoked_families (family TEXT PRIMARY KEY);
`;

interface TokenRow {
  client_id: string;
  subject: string;
  scopes: string;
  resource: string | null;
  family: string;
  expires_at: number;
  used: number;
}

/**
 * An {@link OAuthServerProvider} on SQLite (sql.js, SQLite in WebAssembly), saved to a file after
 * every change (written to a temporary file, then renamed): registered clients, codes and tokens
 * survive a restart. Tokens and codes are stored only as SHA-256 hashes. Same rules as
 * `InMemoryOAuthProvider`: one-time codes, rotated refresh tokens with replay detection.
 *
 * @example
 * const provider = await SqliteOAuthProvider.open('auth.sqlite', { approve: () => ({ subject: 'demo-user' }) });
 */
export class SqliteOAuthProvider implements OAuthServerProvider {
  private constructor(
    private readonly db: Database,
    private readonly file: string,
    private readonly approve: (
      request: AuthorizationRequest,
      http: Request,
    ) => AuthorizationDecision | Promise<AuthorizationDecision>,
    private readonly accessTtlSeconds: number,
  ) {}

  /** Opens (or creates) the database file. */
  static async open(
    file: string,
    options: { approve: SqliteOAuthProvider['approve']; accessTokenTtlSeconds?: number },
  ): Promise<SqliteOAuthProvider> {
    const SQL = await initSqlJs();
    const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    db.run(SCHEMA);
    return new SqliteOAuthProvider(
      db,
      file,
      options.approve,
      options.accessTokenTtlSeconds ?? 3600,
    );
  }

  private save(): void {
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, this.db.export(), { mode: 0o600 });
    renameSync(temporary, this.file);
  }

  private row<T>(sql: string, params: SqlValue[]): T | undefined {
    const statement = this.db.prepare(sql);
    try {
      statement.bind(params);
      return statement.step() ? (statement.getAsObject() as T) : undefined;
    } finally {
      statement.free();
    }
  }

  async getClient(clientId: string): Promise<OAuthClientRecord | undefined> {
    const found = this.row<{ record: string }>('SELECT record FROM clients WHERE id = ?', [
      clientId,
    ]);
    return found && (JSON.parse(found.record) as OAuthClientRecord);
  }

  async registerClient(client: OAuthClientRecord): Promise<void> {
    this.db.run('INSERT OR REPLACE INTO clients (id, record) VALUES (?, ?)', [
      client.client_id,
      JSON.stringify(client),
    ]);
    this.save();
  }

  async authorize(request: AuthorizationRequest, http: Request): Promise<AuthorizationDecision> {
    return this.approve(request, http);
  }

  async saveCode(record: AuthorizationCodeRecord): Promise<void> {
    const { code, ...rest } = record;
    this.db.run('INSERT INTO codes (hash, record, expires_at) VALUES (?, ?, ?)', [
      hashSecret(code),
      JSON.stringify(rest),
      record.expiresAt,
    ]);
    this.save();
  }

  async takeCode(code: string): Promise<AuthorizationCodeRecord | undefined> {
    const hash = hashSecret(code);
    const found = this.row<{ record: string; expires_at: number }>(
      'SELECT record, expires_at FROM codes WHERE hash = ?',
      [hash],
    );
    this.db.run('DELETE FROM codes WHERE hash = ? OR expires_at <= ?', [hash, Date.now()]);
    this.save();
    return found && found.expires_at > Date.now()
      ? { ...(JSON.parse(found.record) as Omit<AuthorizationCodeRecord, 'code'>), code }
      : undefined;
  }

  async issueTokens(grant: TokenGrant, family = randomToken(16)): Promise<OAuthTokens> {
    const now = Date.now();
    const insert = (kind: string, token: string, expiresAt: number) =>
      this.db.run(
        'INSERT INTO tokens (hash, kind, client_id, subject, scopes, resource, family, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          hashSecret(token),
          kind,
          grant.clientId,
          grant.subject,
          grant.scopes.join(' '),
          grant.resource ?? null,
          family,
          expiresAt,
        ],
      );
    const tokens: OAuthTokens = {
      access_token: randomToken(),
      token_type: 'Bearer',
      expires_in: this.accessTtlSeconds,
    };
    insert('access', tokens.access_token, now + this.accessTtlSeconds * 1000);
    if (grant.scopes.length) tokens.scope = grant.scopes.join(' ');
    if (grant.refresh) {
      tokens.refresh_token = randomToken();
      insert('refresh', tokens.refresh_token, now + 30 * 24 * 3600 * 1000);
    }
    this.save();
    return tokens;
  }

  private token(kind: string, token: string): (TokenRow & { hash: string }) | undefined {
    const hash = hashSecret(token);
    const found = this.row<TokenRow>(
      'SELECT client_id, subject, scopes, resource, family, expires_at, used FROM tokens WHERE hash = ? AND kind = ?',
      [hash, kind],
    );
    if (!found || this.row('SELECT 1 FROM revoked_families WHERE family = ?', [found.family]))
      return undefined;
    return { ...found, hash };
  }

  private revokeFamily(family: string): void {
    this.db.run('INSERT OR IGNORE INTO revoked_families (family) VALUES (?)', [family]);
    this.db.run('DELETE FROM tokens WHERE family = ?', [family]);
    this.save();
  }

  async refresh(
    refreshToken: string,
    clientId: string,
    scopes: string[] | undefined,
    resource: string | undefined,
  ): Promise<OAuthTokens | undefined> {
    const found = this.token('refresh', refreshToken);
    if (!found || found.client_id !== clientId || found.expires_at <= Date.now()) return undefined;
    if (found.used) {
      this.revokeFamily(found.family); // a rotated refresh token came back: the grant is compromised
      return undefined;
    }
    const granted = found.scopes.split(' ').filter(Boolean);
    if (scopes?.some((s) => !granted.includes(s))) return undefined;
    if (resource !== undefined && found.resource !== null && resource !== found.resource)
      return undefined;
    this.db.run('UPDATE tokens SET used = 1 WHERE hash = ?', [found.hash]);
    return this.issueTokens(
      {
        clientId,
        subject: found.subject,
        scopes: scopes ?? granted,
        resource: found.resource ?? undefined,
        refresh: true,
      },
      found.family,
    );
  }

  async revoke(token: string, clientId: string): Promise<void> {
    const access = this.token('access', token);
    if (access?.client_id === clientId) {
      this.db.run('DELETE FROM tokens WHERE hash = ?', [access.hash]);
      this.save();
    }
    const refresh = this.token('refresh', token);
    if (refresh?.client_id === clientId) this.revokeFamily(refresh.family);
  }

  async verify(token: string): Promise<AuthInfo> {
    const found = this.token('access', token);
    if (!found) throw new InvalidTokenError('The token is not valid');
    if (found.expires_at <= Date.now()) throw new InvalidTokenError('The token expired');
    const scopes = found.scopes.split(' ').filter(Boolean);
    return {
      subject: found.subject,
      clientId: found.client_id,
      scopes,
      expiresAt: Math.floor(found.expires_at / 1000),
      resource: found.resource ?? undefined,
      token,
      claims: {
        sub: found.subject,
        client_id: found.client_id,
        scope: scopes.join(' '),
        aud: found.resource ?? undefined,
      },
    };
  }
}
