import type { ClientMetadataFetcher } from './cimd/ClientMetadataFetcher';
import type { OAuthServerProvider } from './OAuthServerProvider';

/**
 * Options of `/register` (RFC 7591 dynamic client registration).
 *
 * @example
 * authorizationServer({ provider, issuer, registration: { validScopes: ['mcp', 'admin'], defaultScopes: ['mcp'] } });
 */
export interface ClientRegistrationOptions {
  /** Scopes a client may register for (default: `scopesSupported`; none listed: any). */
  validScopes?: string[];
  /** Scopes granted to an authorization request without `scope` (a client registered without `scope` may ask any valid scope). */
  defaultScopes?: string[];
  /** Lifetime of issued client secrets in seconds (default 0: they do not expire). */
  clientSecretExpiresInSeconds?: number;
}

/**
 * Options of `authorizationServer()`.
 *
 * @example
 * const options: AuthorizationServerOptions = { provider, issuer: 'https://mcp.example.com', scopesSupported: ['mcp'], resources: ['https://mcp.example.com/mcp'] };
 */
export interface AuthorizationServerOptions {
  /** Where clients, codes and tokens live and how users approve. */
  provider: OAuthServerProvider;
  /**
   * The issuer URL (https, or http on loopback for development): the endpoints are served under
   * its path and named in the metadata, and `iss` of authorization responses carries it.
   */
  issuer: string | URL;
  /** Scopes offered (`scopes_supported`). */
  scopesSupported?: string[];
  /** The resources (canonical MCP endpoint URIs) tokens may be issued for; the first is the default. */
  resources?: string[];
  /** `/register` settings, or `false` to turn dynamic registration off. */
  registration?: ClientRegistrationOptions | false;
  /**
   * Client ID Metadata Documents (an https `client_id` URL whose JSON document is the client's
   * metadata): on by default, fetched with SSRF protection; `false` turns them off.
   */
  clientIdMetadataDocuments?: ClientMetadataFetcher | false;
  /** Authorization code lifetime in seconds (default 60). */
  codeTtlSeconds?: number;
  /** Requests per client address per minute on each endpoint (default 60; `false`: no limit). */
  rateLimitPerMinute?: number | false;
  /** `service_documentation` of the metadata. */
  serviceDocumentation?: string;
}
