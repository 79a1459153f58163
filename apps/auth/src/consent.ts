import { randomBytes } from 'node:crypto';
import type { AuthorizationDecision, AuthorizationRequest } from '@typemcp/auth';

const pending = new Map<string, number>();
const MAX_PENDING = 1000;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A minimal consent page for the demo user: the form posts every authorization parameter back to
 * `/authorize` with a one-time consent token (no cross-site approval) and the user's choice.
 */
export function consent(request: AuthorizationRequest, http: Request): AuthorizationDecision {
  const token = request.params.consent_token;
  if (http.method === 'POST' && token && pending.delete(token)) {
    return request.params.consent === 'approve'
      ? { subject: 'demo-user', scopes: request.scopes }
      : { denied: true };
  }
  if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string);
  const fresh = randomBytes(24).toString('base64url');
  pending.set(fresh, Date.now());
  const hidden = Object.entries(request.params)
    .filter(([k]) => k !== 'consent' && k !== 'consent_token')
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('');
  const name = escape(String(request.client.client_name ?? request.client.client_id));
  const html = `<!doctype html><meta charset="utf-8"><title>Authorize ${name}</title>
<h1>${name} wants to use this MCP server as demo-user</h1>
<p>Scopes: ${escape(request.scopes.join(' ') || '(none)')}</p>
<form method="post" action="authorize">${hidden}<input type="hidden" name="consent_token" value="${fresh}">
<button name="consent" value="approve">Approve</button> <button name="consent" value="deny">Deny</button></form>`;
  return new Response(html, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; form-action 'self'",
    },
  });
}
