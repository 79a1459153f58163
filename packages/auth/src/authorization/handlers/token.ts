import { OAuthError, oauthJson } from '../OAuthError';
import type { OAuthClientRecord } from '../OAuthServerProvider';
import { pkceMatches } from '../secrets';
import type { AsContext } from './AsContext';
import { parseScopes } from './AsContext';
import { resourceOf } from './authorize';

/** One required form parameter, or `invalid_request`. */
function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw new OAuthError('invalid_request', `${name} is required`);
  return value;
}

function resourceParam(ctx: AsContext, form: URLSearchParams): string | undefined {
  const resource = resourceOf(ctx, form.get('resource'));
  if (resource instanceof OAuthError) throw resource;
  return form.has('resource') ? resource : undefined;
}

async function authorizationCode(
  ctx: AsContext,
  client: OAuthClientRecord,
  form: URLSearchParams,
): Promise<Response> {
  const code = required(form, 'code');
  const verifier = required(form, 'code_verifier');
  const redirectUri = required(form, 'redirect_uri');
  const resource = resourceParam(ctx, form);
  const record = await ctx.provider.takeCode(code); // gone now, whatever follows: codes are one-time
  if (!record || record.clientId !== client.client_id)
    throw new OAuthError(
      'invalid_grant',
      "The authorization code is not valid (unknown, expired, used or another client's)",
    );
  if (record.redirectUri !== redirectUri)
    throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorization request');
  if (!pkceMatches(verifier, record.codeChallenge))
    throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge (PKCE)');
  if (resource !== undefined && record.resource !== undefined && resource !== record.resource)
    throw new OAuthError('invalid_target', 'resource differs from the authorization request');
  const refresh = (client.grant_types ?? ['authorization_code', 'refresh_token']).includes(
    'refresh_token',
  );
  const tokens = await ctx.provider.issueTokens({
    clientId: client.client_id,
    subject: record.subject,
    scopes: record.scopes,
    resource: record.resource,
    refresh,
  });
  return oauthJson(tokens);
}

async function refreshToken(
  ctx: AsContext,
  client: OAuthClientRecord,
  form: URLSearchParams,
): Promise<Response> {
  const token = required(form, 'refresh_token');
  const scopes = form.has('scope') ? parseScopes(form.get('scope')) : undefined;
  const tokens = await ctx.provider.refresh(
    token,
    client.client_id,
    scopes,
    resourceParam(ctx, form),
  );
  if (!tokens)
    throw new OAuthError(
      'invalid_grant',
      'The refresh token is not valid (unknown, expired, revoked, already used, or the scope widens)',
    );
  return oauthJson(tokens);
}

async function clientCredentials(
  ctx: AsContext,
  client: OAuthClientRecord,
  form: URLSearchParams,
): Promise<Response> {
  if (!client.client_secret_hash)
    throw new OAuthError('unauthorized_client', 'client_credentials needs a confidential client');
  if (!(client.grant_types ?? []).includes('client_credentials'))
    throw new OAuthError('unauthorized_client', 'This client may not use client_credentials');
  const allowed = parseScopes(client.scope);
  const asked = form.has('scope') ? parseScopes(form.get('scope')) : allowed;
  const unknown = asked.filter((s) => !allowed.includes(s));
  if (unknown.length)
    throw new OAuthError('invalid_scope', `Scope(s) not allowed: ${unknown.join(' ')}`);
  const resource = resourceOf(ctx, form.get('resource'));
  if (resource instanceof OAuthError) throw resource;
  const tokens = await ctx.provider.issueTokens({
    clientId: client.client_id,
    subject: client.client_id,
    scopes: asked,
    resource,
    refresh: false,
  });
  return oauthJson(tokens);
}

/** `POST /token`: authorization_code (PKCE S256), refresh_token (rotated), client_credentials. */
export async function tokenHandler(request: Request, ctx: AsContext): Promise<Response> {
  const form = await ctx.form(request);
  const client = await ctx.authenticateClient(request, form);
  const grant = form.get('grant_type');
  if (grant === 'authorization_code') return authorizationCode(ctx, client, form);
  if (grant === 'refresh_token') return refreshToken(ctx, client, form);
  if (grant === 'client_credentials') return clientCredentials(ctx, client, form);
  if (!grant) throw new OAuthError('invalid_request', 'grant_type is required');
  throw new OAuthError('unsupported_grant_type', `grant_type ${grant} is not supported`);
}
