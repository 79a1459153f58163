import { createPrivateKey } from 'node:crypto';
import { createClientAssertion } from '@typemcp/auth';
import type { OAuthClientProvider } from '@typemcp/client';

/** What the suite's auth scenarios put in MCP_CONFORMANCE_CONTEXT. */
export interface AuthContext {
  name?: string;
  client_id?: string;
  client_secret?: string;
  private_key_pem?: string;
  signing_algorithm?: string;
}

const REDIRECT = 'http://localhost:3000/callback';
const CIMD_URL = 'https://conformance-test.local/client-metadata.json';

/**
 * The OAuth side of the conformance client: a "browser" that follows the authorization URL (the
 * suite's authorization servers approve at once), the suite's metadata document URL for CIMD,
 * pre-registered credentials when the context has them, and client_credentials (secret or
 * private_key_jwt) for the client-credentials scenarios.
 */
export function conformanceAuthProvider(context: AuthContext): OAuthClientProvider {
  const machine = context.name?.startsWith('auth/client-credentials') ?? false;
  const provider: OAuthClientProvider = {
    clientMetadata: {
      client_name: 'typemcp-conformance-client',
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
    clientMetadataUrl: CIMD_URL,
    redirectToAuthorization: async (url) => {
      const response = await fetch(url, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (!location)
        throw new Error(
          `The authorization endpoint answered ${response.status} without a redirect`,
        );
      return new URL(location, url);
    },
  };
  if (machine && context.client_id) {
    const key = context.private_key_pem ? createPrivateKey(context.private_key_pem) : undefined;
    provider.clientCredentials = {
      clientId: context.client_id,
      clientSecret: context.client_secret,
      assertion: key
        ? createClientAssertion({
            clientId: context.client_id,
            privateKey: key,
            alg: context.signing_algorithm ?? 'ES256',
          })
        : undefined,
    };
  } else if (context.client_id) {
    const info = { client_id: context.client_id, client_secret: context.client_secret };
    provider.preRegistered = () => info;
  }
  return provider;
}
