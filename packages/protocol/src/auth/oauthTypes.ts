/** RFC 9728 protected resource metadata (the fields MCP uses).
 *
 * @example
 * const prm: ProtectedResourceMetadata = { resource: 'https://mcp.example.com/mcp', authorization_servers: ['https://as.example.com'] };
 */
export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers?: string[];
  scopes_supported?: string[];
  bearer_methods_supported?: string[];
  resource_name?: string;
  resource_documentation?: string;
  [extra: string]: unknown;
}

/** RFC 8414 authorization server metadata (and the OpenID Connect discovery fields MCP uses).
 *
 * @example
 * const as: AuthorizationServerMetadata = { issuer: 'https://as.example.com', token_endpoint: 'https://as.example.com/token' };
 */
export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  registration_endpoint?: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  jwks_uri?: string;
  scopes_supported?: string[];
  response_types_supported?: string[];
  grant_types_supported?: string[];
  code_challenge_methods_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  revocation_endpoint_auth_methods_supported?: string[];
  authorization_response_iss_parameter_supported?: boolean;
  client_id_metadata_document_supported?: boolean;
  [extra: string]: unknown;
}

/** RFC 7591 client metadata.
 *
 * @example
 * const metadata: OAuthClientMetadata = { client_name: 'cli', redirect_uris: ['http://127.0.0.1:8765/callback'] };
 */
export interface OAuthClientMetadata {
  redirect_uris?: string[];
  client_name?: string;
  client_uri?: string;
  grant_types?: string[];
  response_types?: string[];
  token_endpoint_auth_method?: string;
  application_type?: 'native' | 'web';
  scope?: string;
  jwks_uri?: string;
  jwks?: { keys: Record<string, unknown>[] };
  [extra: string]: unknown;
}

/** A registered client: its metadata plus the credentials the authorization server issued.
 *
 * @example
 * const info: OAuthClientInformation = { client_id: 'abc', client_secret: 's3cret' };
 */
export interface OAuthClientInformation extends OAuthClientMetadata {
  client_id: string;
  client_secret?: string;
  client_id_issued_at?: number;
  client_secret_expires_at?: number;
}

/** A token endpoint's success answer (RFC 6749 §5.1).
 *
 * @example
 * const tokens: OAuthTokens = { access_token: 'at', token_type: 'Bearer', expires_in: 3600 };
 */
export interface OAuthTokens {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  [extra: string]: unknown;
}

/** An OAuth error answer (RFC 6749 §5.2).
 *
 * @example
 * const error: OAuthErrorResponse = { error: 'invalid_grant', error_description: 'The code was already used' };
 */
export interface OAuthErrorResponse {
  error: string;
  error_description?: string;
  error_uri?: string;
}
