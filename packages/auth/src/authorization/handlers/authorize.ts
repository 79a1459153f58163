import { OAuthError } from '../OAuthError';
import type { AuthorizationRequest, OAuthClientRecord } from '../OAuthServerProvider';
import { randomToken } from '../secrets';
import type { AsContext } from './AsContext';
import { parseScopes, readLimited } from './AsContext';

/** Sends the browser back to the client with `params`, `state` and `iss` (RFC 9207). */
function redirectBack(
  ctx: AsContext,
  redirectUri: string,
  state: string | undefined,
  params: Record<string, string>,
): Response {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (state !== undefined) url.searchParams.set('state', state);
  url.searchParams.set('iss', ctx.issuer);
  return new Response(null, {
    status: 302,
    headers: { location: url.href, 'cache-control': 'no-store' },
  });
}

/** The parameters of a GET (query) or POST (form) authorization request. */
async function readParams(request: Request): Promise<Record<string, string>> {
  const source =
    request.method === 'POST'
      ? new URLSearchParams(await readLimited(request, 64 * 1024))
      : new URL(request.url).searchParams;
  const params: Record<string, string> = {};
  for (const [key, value] of source) {
    if (key in params)
      throw new OAuthError('invalid_request', `The parameter ${key} appears twice`);
    params[key] = value;
  }
  return params;
}

/** The redirect URI to use: exactly one registered, or the only one when none is given. */
function redirectUriOf(client: OAuthClientRecord, given: string | undefined): string {
  const registered = client.redirect_uris ?? [];
  if (given === undefined) {
    if (registered.length === 1) return registered[0];
    throw new OAuthError(
      'invalid_request',
      'redirect_uri is required (the client registered several)',
    );
  }
  if (!registered.includes(given))
    throw new OAuthError(
      'invalid_request',
      'redirect_uri does not match a registered redirect URI exactly',
    );
  return given;
}

/**
 * `GET|POST /authorize`: client and redirect URI checked first (their errors are shown here,
 * never redirected: no open redirect); then `response_type=code`, PKCE S256, scopes and resource
 * (their errors go back to the client); then the provider decides; an approval returns a
 * one-time code with `state` and `iss`.
 */
export async function authorizeHandler(request: Request, ctx: AsContext): Promise<Response> {
  const params = await readParams(request);
  const clientId = params.client_id;
  if (!clientId) throw new OAuthError('invalid_request', 'client_id is required');
  const client = await ctx.client(clientId).catch((error: unknown) => {
    throw error instanceof OAuthError ? new OAuthError(error.error, error.description, 400) : error;
  });
  if (!client) throw new OAuthError('invalid_client', 'Unknown client', 400);
  const redirectUri = redirectUriOf(client, params.redirect_uri);
  const state = params.state;
  const fail = (error: string, description: string) =>
    redirectBack(ctx, redirectUri, state, { error, error_description: description });
  if (params.response_type !== 'code')
    return fail('unsupported_response_type', 'Only response_type=code is supported');
  if (!params.code_challenge) return fail('invalid_request', 'code_challenge is required (PKCE)');
  if (params.code_challenge_method !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256');
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(params.code_challenge))
    return fail('invalid_request', 'code_challenge is malformed');
  const grants = client.grant_types ?? ['authorization_code'];
  if (!grants.includes('authorization_code'))
    return fail('unauthorized_client', 'This client may not use the authorization code grant');
  const registration = ctx.options.registration || {};
  let scopes = parseScopes(params.scope);
  if (scopes.length === 0)
    scopes = parseScopes(client.scope).length
      ? parseScopes(client.scope)
      : (registration.defaultScopes ?? []);
  // the user consents to what is asked, so any offered scope may be asked, beyond the client's
  // registered `scope` (MCP clients step up with the same registration; SEP-835)
  const allowed = registration.validScopes ?? ctx.options.scopesSupported;
  const unknown = allowed ? scopes.filter((s) => !allowed.includes(s)) : [];
  if (unknown.length) return fail('invalid_scope', `Scope(s) not allowed: ${unknown.join(' ')}`);
  const resource = resourceOf(ctx, params.resource);
  if (resource instanceof OAuthError) return fail(resource.error, resource.description);
  const authorization: AuthorizationRequest = {
    client,
    redirectUri,
    scopes,
    state,
    codeChallenge: params.code_challenge,
    resource,
    params,
  };
  const decision = await ctx.provider.authorize(authorization, request);
  if (decision instanceof Response) return decision;
  if ('denied' in decision)
    return fail('access_denied', decision.description ?? 'The user denied the request');
  const code = randomToken();
  await ctx.provider.saveCode({
    code,
    clientId: client.client_id,
    subject: decision.subject,
    scopes: decision.scopes ?? scopes,
    redirectUri,
    codeChallenge: params.code_challenge,
    resource,
    expiresAt: Date.now() + (ctx.options.codeTtlSeconds ?? 60) * 1000,
  });
  return redirectBack(ctx, redirectUri, state, { code });
}

/** The RFC 8707 resource of a request: one of the configured resources (the first by default). */
export function resourceOf(
  ctx: AsContext,
  given: string | undefined | null,
): string | undefined | OAuthError {
  const resources = ctx.options.resources;
  if (given === undefined || given === null) return resources?.[0]?.replace(/\/$/, '');
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return new OAuthError('invalid_target', 'resource must be an absolute URI');
  }
  if (url.hash) return new OAuthError('invalid_target', 'resource must not have a fragment');
  const canonical = given.replace(/\/$/, '');
  if (resources && !resources.some((r) => r.replace(/\/$/, '') === canonical))
    return new OAuthError('invalid_target', `Tokens are not issued for ${given}`);
  return canonical;
}
