import type { OAuthClientInformation, OAuthClientMetadata } from '@typemcp/protocol';
import type { TokenStore } from './TokenStore';

/**
 * How a machine client authenticates for `client_credentials` (no user involved).
 *
 * @example
 * const credentials: ClientCredentials = { clientId: 'robot', clientSecret: process.env.ROBOT_SECRET };
 */
export interface ClientCredentials {
  clientId: string;
  /** `client_secret_basic` (or `_post` where the server offers only that). */
  clientSecret?: string;
  /**
   * `private_key_jwt` (RFC 7523): returns a signed client assertion for `audience` (the token
   * endpoint or issuer). `createClientAssertion` from `@typemcp/auth` makes one with jose.
   */
  assertion?: (audience: string) => Promise<string>;
}

/**
 * What an application supplies for OAuth: who the client is (metadata, a Client ID Metadata
 * Document URL, or pre-registered credentials per issuer), how the user is sent to log in, and
 * where credentials are kept. The transports run the protocol (discovery, registration, PKCE,
 * token, refresh, step-up) with it.
 *
 * @example
 * const loopback = await loopbackRedirect({ port: 8765 });
 * const provider: OAuthClientProvider = {
 *   clientMetadata: { client_name: 'my-cli', redirect_uris: [loopback.redirectUri] },
 *   redirectUri: loopback.redirectUri,
 *   redirectToAuthorization: (url) => { openBrowser(url); return loopback.waitForCallback(); },
 *   store: new FileTokenStore('~/.my-cli/tokens.json'),
 * };
 * await client.connect(new HttpClientTransport(new URL('https://mcp.example.com/mcp'), { authProvider: provider }));
 */
export interface OAuthClientProvider {
  /** The client's metadata: registered dynamically (RFC 7591) when no other way applies. */
  clientMetadata: OAuthClientMetadata;
  /** The redirect URI of authorization requests (default: the first of `clientMetadata.redirect_uris`). */
  redirectUri?: string;
  /**
   * An https URL serving this client's metadata document: used as `client_id` where the
   * authorization server supports Client ID Metadata Documents (preferred over registration).
   */
  clientMetadataUrl?: string;
  /** Credentials registered beforehand with an authorization server, by issuer. */
  preRegistered?: (issuer: string) => OAuthClientInformation | undefined;
  /** Machine-to-machine: use `client_credentials` instead of sending a user to log in. */
  clientCredentials?: ClientCredentials;
  /**
   * Sends the user to `url` (a browser, a printed link) and resolves with the URL the
   * authorization server redirected back to (with `code`, `state`, `iss`), e.g. from
   * `loopbackRedirect().waitForCallback()`.
   */
  redirectToAuthorization?: (url: URL) => Promise<URL | string>;
  /** Where tokens and registrations are kept, by issuer (default: in memory). */
  store?: TokenStore;
  /** Scopes to ask for when the server's challenge and metadata name none. */
  scope?: string;
  /** Most authorization attempts for one request (default 2): no loops against a refusing server. */
  maxAttempts?: number;
}
