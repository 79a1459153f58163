import { randomUUID } from 'node:crypto';
import type { OAuthClientInformation } from '@typemcp/protocol';
import { OAuthError, oauthJson } from '../OAuthError';
import type { OAuthClientRecord } from '../OAuthServerProvider';
import { hashSecret, randomToken } from '../secrets';
import type { AsContext } from './AsContext';
import { parseScopes, readLimited } from './AsContext';

const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post'];
const GRANTS = ['authorization_code', 'refresh_token', 'client_credentials'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A redirect URI a client may register: https, http on loopback, or a private-use scheme (RFC 8252). */
function checkRedirectUri(value: unknown): string {
  if (typeof value !== 'string')
    throw new OAuthError('invalid_redirect_uri', 'Each redirect URI must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OAuthError('invalid_redirect_uri', `Not an absolute URI: ${value}`);
  }
  if (url.hash)
    throw new OAuthError('invalid_redirect_uri', 'A redirect URI must not have a fragment');
  const scheme = url.protocol.slice(0, -1);
  const ok =
    scheme === 'https' ||
    (scheme === 'http' && LOOPBACK.has(url.hostname)) ||
    /^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+$/.test(scheme);
  if (!ok)
    throw new OAuthError(
      'invalid_redirect_uri',
      `A redirect URI must be https, http on a loopback address, or a private-use scheme: ${value}`,
    );
  return value;
}

function stringList(value: unknown, name: string, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new OAuthError('invalid_client_metadata', `${name} must be an array of strings`);
  return value as string[];
}

/**
 * `POST /register` (RFC 7591): checks the metadata, limits scopes to the valid ones (default
 * scopes when none are asked), issues a client id and, for confidential clients, a secret that is
 * stored only as a hash. Answers 201 with the client's information.
 */
export async function registerHandler(request: Request, ctx: AsContext): Promise<Response> {
  const register = ctx.provider.registerClient?.bind(ctx.provider);
  if (!register || ctx.options.registration === false)
    throw new OAuthError('invalid_request', 'Dynamic registration is not offered', 404);
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
    throw new OAuthError('invalid_client_metadata', 'Content-Type must be application/json');
  let body: unknown;
  try {
    body = JSON.parse(await readLimited(request, 64 * 1024));
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    throw new OAuthError('invalid_client_metadata', 'The body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new OAuthError('invalid_client_metadata', 'The body must be a JSON object');
  const metadata = body as Record<string, unknown>;
  const method = metadata.token_endpoint_auth_method ?? 'client_secret_basic';
  if (typeof method !== 'string' || !AUTH_METHODS.includes(method))
    throw new OAuthError(
      'invalid_client_metadata',
      `token_endpoint_auth_method must be one of ${AUTH_METHODS.join(', ')}`,
    );
  const grants = stringList(metadata.grant_types, 'grant_types', [
    'authorization_code',
    'refresh_token',
  ]);
  const unknownGrant = grants.find((g) => !GRANTS.includes(g));
  if (unknownGrant)
    throw new OAuthError(
      'invalid_client_metadata',
      `grant_types: ${unknownGrant} is not supported`,
    );
  if (grants.includes('client_credentials') && method === 'none')
    throw new OAuthError(
      'invalid_client_metadata',
      'client_credentials needs a confidential client (a token_endpoint_auth_method other than none)',
    );
  const redirectUris = stringList(metadata.redirect_uris, 'redirect_uris', []).map(
    checkRedirectUri,
  );
  if (grants.includes('authorization_code') && redirectUris.length === 0)
    throw new OAuthError(
      'invalid_redirect_uri',
      'redirect_uris is required for the authorization code grant',
    );
  const responseTypes = stringList(metadata.response_types, 'response_types', ['code']);
  if (responseTypes.some((t) => t !== 'code'))
    throw new OAuthError('invalid_client_metadata', 'response_types may only list code');
  const settings = ctx.options.registration || {};
  const valid = settings.validScopes ?? ctx.options.scopesSupported;
  // a client registering without `scope` is not limited to the defaults (it may step up later);
  // the defaults are what a request without `scope` gets
  const asked = typeof metadata.scope === 'string' ? parseScopes(metadata.scope) : [];
  const invalid = valid ? asked.filter((s) => !valid.includes(s)) : [];
  if (invalid.length)
    throw new OAuthError('invalid_client_metadata', `Scope(s) not allowed: ${invalid.join(' ')}`);
  const now = Math.floor(Date.now() / 1000);
  const secret = method === 'none' ? undefined : randomToken();
  const expiresIn = settings.clientSecretExpiresInSeconds ?? 0;
  const info: OAuthClientInformation = {
    ...(metadata as object),
    client_id: randomUUID(),
    client_id_issued_at: now,
    redirect_uris: redirectUris,
    grant_types: grants,
    response_types: responseTypes,
    token_endpoint_auth_method: method,
  };
  if (asked.length) info.scope = asked.join(' ');
  else delete info.scope;
  delete info.client_secret;
  const record: OAuthClientRecord = { ...info };
  delete record.client_secret_hash; // never taken from the request
  if (secret) {
    record.client_secret_hash = hashSecret(secret);
    record.client_secret_expires_at = expiresIn ? now + expiresIn : 0;
    info.client_secret = secret;
    info.client_secret_expires_at = record.client_secret_expires_at;
  }
  await register(record);
  return oauthJson(info, 201);
}
