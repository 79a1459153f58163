import { oauthJson } from '../OAuthError';
import type { AsContext } from './AsContext';
import { OAuthError } from '../OAuthError';

/** `POST /revoke` (RFC 7009): the client's own token is revoked; an unknown token is no error. */
export async function revokeHandler(request: Request, ctx: AsContext): Promise<Response> {
  const form = await ctx.form(request);
  const client = await ctx.authenticateClient(request, form);
  const token = form.get('token');
  if (!token) throw new OAuthError('invalid_request', 'token is required');
  await ctx.provider.revoke?.(token, client.client_id);
  return oauthJson({});
}
