import type { OAuthClientMetadata, OAuthTokens, TokenVerifier } from '@typemcp/protocol';

/**
 * A registered client as the authorization server keeps it: never the secret, only its hash.
 *
 * @example
 * const client: OAuthClientRecord = { client_id: 'cli', redirect_uris: ['http://127.0.0.1:8765/callback'], token_endpoint_auth_method: 'none' };
 */
export interface OAuthClientRecord extends OAuthClientMetadata {
  client_id: string;
  client_id_issued_at?: number;
  client_secret_expires_at?: number;
  /** SHA-256 of the client secret (base64url), for confidential clients. */
  client_secret_hash?: string;
}

/**
 * A validated authorization request, waiting for the user's decision.
 *
 * @example
 * const approve = (request: AuthorizationRequest) => ({ subject: 'demo-user', scopes: request.scopes });
 */
export interface AuthorizationRequest {
  client: OAuthClientRecord;
  redirectUri: string;
  /** Scopes asked for (after defaults), already limited to what the client may ask. */
  scopes: string[];
  state?: string;
  codeChallenge: string;
  /** The resource (RFC 8707) the token will be for. */
  resource?: string;
  /** Every parameter as received (for a consent page that posts them back). */
  params: Record<string, string>;
}

/**
 * The user's decision: approved (who, which scopes), denied, or a page to show first (login, consent).
 *
 * @example
 * const decision: AuthorizationDecision = signedIn ? { subject: user.id } : loginPage(request);
 */
export type AuthorizationDecision =
  { subject: string; scopes?: string[] } | { denied: true; description?: string } | Response;

/**
 * A one-time authorization code, bound to everything the token request must repeat.
 *
 * @example
 * await provider.saveCode({ code, clientId, subject, scopes, redirectUri, codeChallenge, expiresAt: Date.now() + 60_000 });
 */
export interface AuthorizationCodeRecord {
  code: string;
  clientId: string;
  subject: string;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string;
  resource?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * What a set of tokens is issued for.
 *
 * @example
 * await provider.issueTokens({ clientId: 'cli', subject: 'alice', scopes: ['mcp'], resource: 'https://mcp.example.com/mcp', refresh: true });
 */
export interface TokenGrant {
  clientId: string;
  subject: string;
  scopes: string[];
  resource?: string;
  /** Issue a refresh token too (authorization_code grants of clients allowed `refresh_token`). */
  refresh: boolean;
}

/**
 * Where the built-in authorization server keeps clients, codes and tokens, and how users approve
 * (the seed's `auth_server_provider`). Also a {@link TokenVerifier} for the MCP endpoint, so the
 * tokens it issues are checked where they were made. `InMemoryOAuthProvider` implements it for
 * tests and examples; back it with a database for production.
 *
 * @example
 * const provider = new InMemoryOAuthProvider({ approve: async () => ({ subject: 'demo-user' }) });
 * app.route('/', authorizationServer({ provider, issuer: 'https://mcp.example.com' }));
 */
export interface OAuthServerProvider extends TokenVerifier {
  /** A registered client, or undefined. */
  getClient(clientId: string): Promise<OAuthClientRecord | undefined>;
  /** Stores a newly registered client (RFC 7591); absent: `/register` is not offered. */
  registerClient?(client: OAuthClientRecord): Promise<void>;
  /** Asks the user (or a policy) about a validated authorization request. */
  authorize(request: AuthorizationRequest, http: Request): Promise<AuthorizationDecision>;
  /** Keeps a code until it is redeemed or expires. */
  saveCode(record: AuthorizationCodeRecord): Promise<void>;
  /** Removes and returns a code: a code is redeemed at most once. */
  takeCode(code: string): Promise<AuthorizationCodeRecord | undefined>;
  /** Issues an access token (and a refresh token when asked). */
  issueTokens(grant: TokenGrant): Promise<OAuthTokens>;
  /**
   * Redeems a refresh token of `clientId` and rotates it (the old one stops working; a replayed
   * old one revokes its whole family). `scopes` may only narrow the original grant. Returns
   * undefined when the token is unknown, expired, revoked, another client's, or the scopes widen.
   */
  refresh(
    refreshToken: string,
    clientId: string,
    scopes: string[] | undefined,
    resource: string | undefined,
  ): Promise<OAuthTokens | undefined>;
  /** Revokes an access or refresh token of `clientId` (RFC 7009); absent: `/revoke` is not offered. */
  revoke?(token: string, clientId: string): Promise<void>;
}
