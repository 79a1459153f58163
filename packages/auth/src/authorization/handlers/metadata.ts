import type { AuthorizationServerMetadata } from '@typemcp/protocol';
import type { AsContext } from './AsContext';

/** The RFC 8414 document (also served as the OpenID discovery document). */
export function authorizationServerMetadata(ctx: AsContext): AuthorizationServerMetadata {
  const { options, provider } = ctx;
  const grants = ['authorization_code', 'refresh_token', 'client_credentials'];
  const metadata: AuthorizationServerMetadata = {
    issuer: ctx.issuer,
    authorization_endpoint: ctx.url('/authorize'),
    token_endpoint: ctx.url('/token'),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: grants,
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    authorization_response_iss_parameter_supported: true,
  };
  if (options.registration !== false && provider.registerClient)
    metadata.registration_endpoint = ctx.url('/register');
  if (provider.revoke) {
    metadata.revocation_endpoint = ctx.url('/revoke');
    metadata.revocation_endpoint_auth_methods_supported = [
      'client_secret_basic',
      'client_secret_post',
      'none',
    ];
  }
  if (options.scopesSupported?.length) metadata.scopes_supported = options.scopesSupported;
  if (ctx.cimd) metadata.client_id_metadata_document_supported = true;
  if (options.serviceDocumentation) metadata.service_documentation = options.serviceDocumentation;
  return metadata;
}
