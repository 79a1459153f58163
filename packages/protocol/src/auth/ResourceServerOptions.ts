import type { TokenVerifier } from './TokenVerifier';

/**
 * Makes an HTTP MCP endpoint an OAuth 2.1 protected resource (MCP authorization): every request
 * needs `Authorization: Bearer <token>` checked by `verifier`; the endpoint's RFC 9728 metadata is
 * served at `/.well-known/oauth-protected-resource[/<path>]`. Accepted by `mcpHonoApp`, `serve` and
 * `run` (over HTTP).
 *
 * @example
 * serve(app, { auth: { verifier, resource: 'https://mcp.example.com/mcp',
 *   authorizationServers: ['https://auth.example.com'], requiredScopes: ['mcp'] } });
 */
export interface ResourceServerOptions {
  /** Checks each bearer token. */
  verifier: TokenVerifier;
  /**
   * The canonical URI of this MCP endpoint (e.g. `https://mcp.example.com/mcp`): tokens must be
   * issued for it (RFC 8707 audience) and the metadata names it.
   */
  resource: string | URL;
  /** Issuer URLs of the authorization servers clients should use (at least one). */
  authorizationServers: string[];
  /** Scopes every request needs (a token lacking one gets 403 `insufficient_scope`). */
  requiredScopes?: string[];
  /** `scopes_supported` of the metadata (default: `requiredScopes` plus every `@Tool({ scopes })`). */
  scopesSupported?: string[];
  /** `resource_name` of the metadata. */
  resourceName?: string;
  /** `resource_documentation` of the metadata. */
  resourceDocumentation?: string;
}
