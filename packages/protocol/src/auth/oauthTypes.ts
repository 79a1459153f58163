/** RFC 9728 protected resource metadata (the fields MCP uses). */
export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers?: string[];
  scopes_supported?: string[];
  bearer_methods_supported?: string[];
  resource_name?: string;
  resource_documentation?: string;
  [extra: string]: unknown;
}

/** RFC 8414 authorization server metadata (and the OpenID Connect discovery fields MCP uses). */
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

/** RFC 7591 client metadata. */
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

/** A registered client: its metadata plus the credentials the authorization server issued. */
export interface OAuthClientInformation extends OAuthClientMetadata {
  client_id: string;
  client_secret?: string;
  client_id_issued_at?: number;
  client_secret_expires_at?: number;
}

/** A token endpoint's success answer (RFC 6749 §5.1). */
export interface OAuthTokens {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  [extra: string]: unknown;
}

/** An OAuth error answer (RFC 6749 §5.2). */
export interface OAuthErrorResponse {
  error: string;
  error_description?: string;
  error_uri?: string;
}
