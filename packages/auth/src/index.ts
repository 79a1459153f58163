/**
 * @typemcp/auth: OAuth 2.1 for MCP servers. Token verifiers for a protected MCP endpoint (JWT
 * with JWKS, RFC 7662 introspection) to pass as `auth.verifier` to `mcpHonoApp`/`serve`/`run`, and a
 * built-in authorization server (`authorizationServer()` over an `OAuthServerProvider`) with an
 * in-memory provider. Cryptography and JOSE work are done by `jose` and `node:crypto`.
 *
 * @packageDocumentation
 */
export { JwtVerifier } from './resource/JwtVerifier';
export type { JwtVerifierOptions } from './resource/JwtVerifier';
export { IntrospectionVerifier } from './resource/IntrospectionVerifier';
export type { IntrospectionVerifierOptions } from './resource/IntrospectionVerifier';
export { authorizationServer } from './authorization/authorizationServer';
export type {
  AuthorizationServerOptions,
  ClientRegistrationOptions,
} from './authorization/AuthorizationServerOptions';
export type {
  OAuthServerProvider,
  OAuthClientRecord,
  AuthorizationRequest,
  AuthorizationDecision,
  AuthorizationCodeRecord,
  TokenGrant,
} from './authorization/OAuthServerProvider';
export { InMemoryOAuthProvider } from './authorization/InMemoryOAuthProvider';
export type { InMemoryOAuthProviderOptions } from './authorization/InMemoryOAuthProvider';
export { ClientMetadataFetcher } from './authorization/cimd/ClientMetadataFetcher';
export type { ClientMetadataFetcherOptions } from './authorization/cimd/ClientMetadataFetcher';
export { createClientAssertion } from './client/createClientAssertion';
export type { ClientAssertionOptions } from './client/createClientAssertion';
export { OAuthError } from './authorization/OAuthError';
export { hashSecret, randomToken } from './authorization/secrets';
export { InvalidTokenError } from '@typemcp/protocol';
export type {
  TokenVerifier,
  ResourceServerOptions,
  AuthInfo,
  OAuthTokens,
  OAuthClientInformation,
  OAuthClientMetadata,
} from '@typemcp/protocol';
