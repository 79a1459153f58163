import type {
  AuthorizationServerMetadata,
  OAuthClientInformation,
  OAuthClientMetadata,
  OAuthTokens,
} from '@typemcp/protocol';
import type { ClientCredentials } from './OAuthClientProvider';
import { OAuthFlowError } from './OAuthFlowError';
import { readLimited } from './readLimited';

/** A token endpoint answer, with `expires_at` computed. */
export type IssuedTokens = OAuthTokens & { expires_at?: number };

async function readJson(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await readLimited(response, 64 * 1024, what).catch((error: Error) => {
    throw new OAuthFlowError(error.message);
  });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthFlowError(`${what} answered HTTP ${response.status} without JSON`);
  }
  if (typeof body !== 'object' || body === null)
    throw new OAuthFlowError(`${what} answered HTTP ${response.status} without a JSON object`);
  const record = body as Record<string, unknown>;
  if (!response.ok) {
    const error = typeof record.error === 'string' ? record.error : `http_${response.status}`;
    const description =
      typeof record.error_description === 'string' ? `: ${record.error_description}` : '';
    throw new OAuthFlowError(`${what} refused (${error}${description})`, error);
  }
  return record;
}

/** Adds client authentication to a token request: Basic or post for secrets, an assertion, or just the id. */
async function authenticate(
  metadata: AuthorizationServerMetadata,
  client: OAuthClientInformation | ClientCredentials,
  form: URLSearchParams,
  headers: Record<string, string>,
): Promise<void> {
  const clientId = 'client_id' in client ? client.client_id : client.clientId;
  const secret = 'client_id' in client ? client.client_secret : client.clientSecret;
  const assertion = 'client_id' in client ? undefined : client.assertion;
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (assertion) {
    form.set('client_id', clientId);
    form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    form.set('client_assertion', await assertion(metadata.issuer));
  } else if (secret) {
    const preferred =
      'token_endpoint_auth_method' in client ? client.token_endpoint_auth_method : undefined;
    if (
      preferred === 'client_secret_post' ||
      (!methods.includes('client_secret_basic') && methods.includes('client_secret_post'))
    ) {
      form.set('client_id', clientId);
      form.set('client_secret', secret);
    } else {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
    }
  } else {
    form.set('client_id', clientId);
  }
}

/**
 * POSTs a token request (authorization_code, refresh_token or client_credentials) with client
 * authentication and the RFC 8707 `resource`, and checks the answer.
 */
export async function requestTokens(
  fetchImpl: typeof fetch,
  metadata: AuthorizationServerMetadata,
  client: OAuthClientInformation | ClientCredentials,
  fields: Record<string, string | undefined>,
): Promise<IssuedTokens> {
  if (!metadata.token_endpoint)
    throw new OAuthFlowError(`The authorization server ${metadata.issuer} has no token endpoint`);
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  await authenticate(metadata, client, form, headers);
  const response = await fetchImpl(metadata.token_endpoint, {
    method: 'POST',
    headers,
    body: form.toString(),
  });
  const body = await readJson(response, 'The token endpoint');
  if (
    typeof body.access_token !== 'string' ||
    typeof body.token_type !== 'string' ||
    body.token_type.toLowerCase() !== 'bearer'
  ) {
    throw new OAuthFlowError('The token endpoint answered without a bearer access_token');
  }
  const tokens = body as IssuedTokens;
  if (typeof tokens.expires_in === 'number')
    tokens.expires_at = Date.now() + tokens.expires_in * 1000;
  return tokens;
}

/** `web` when every redirect URI is https on a non-loopback host, else `native` (2026-07-28 DCR). */
function applicationType(redirectUris: string[]): 'web' | 'native' {
  const web =
    redirectUris.length > 0 &&
    redirectUris.every(
      (u) => /^https:\/\//.test(u) && !/^https:\/\/(localhost|127\.|\[::1\])/.test(u),
    );
  return web ? 'web' : 'native';
}

/** Registers the client dynamically (RFC 7591). */
export async function registerClient(
  fetchImpl: typeof fetch,
  metadata: AuthorizationServerMetadata,
  client: OAuthClientMetadata,
): Promise<OAuthClientInformation> {
  if (!metadata.registration_endpoint)
    throw new OAuthFlowError(
      `The authorization server ${metadata.issuer} offers no dynamic registration; give preRegistered credentials or a clientMetadataUrl`,
    );
  const response = await fetchImpl(metadata.registration_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      application_type: applicationType(client.redirect_uris ?? []),
      ...client,
    }),
  });
  const body = await readJson(response, 'The registration endpoint');
  if (typeof body.client_id !== 'string')
    throw new OAuthFlowError('The registration endpoint answered without a client_id');
  return body as OAuthClientInformation;
}
