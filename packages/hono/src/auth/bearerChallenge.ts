/**
 * What a `WWW-Authenticate: Bearer` challenge says (RFC 6750 §3, RFC 9728 §5.1).
 *
 * @example
 * const challenge: BearerChallenge = { error: 'insufficient_scope', scopes: ['admin'], resourceMetadata };
 */
export interface BearerChallenge {
  /** `invalid_request`, `invalid_token` or `insufficient_scope`; none when no credentials came. */
  error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope';
  errorDescription?: string;
  /** Scopes the request needs, space-separated on the wire. */
  scopes?: readonly string[];
  /** URL of the protected resource metadata. */
  resourceMetadata: string;
}

/** An auth-param value: a quoted string with `"` and `\` escaped, control characters dropped. */
function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
  return `"${value.replace(/[\x00-\x1f\x7f]/g, ' ').replace(/["\\]/g, '\\$&')}"`;
}

/**
 * The `WWW-Authenticate` header value of a challenge.
 *
 * @example
 * bearerChallenge({ resourceMetadata: 'https://h/.well-known/oauth-protected-resource/mcp', scopes: ['mcp'] });
 * // 'Bearer resource_metadata="https://h/.well-known/oauth-protected-resource/mcp", scope="mcp"'
 */
export function bearerChallenge(challenge: BearerChallenge): string {
  const params: string[] = [];
  if (challenge.error) params.push(`error=${quoted(challenge.error)}`);
  if (challenge.errorDescription)
    params.push(`error_description=${quoted(challenge.errorDescription)}`);
  params.push(`resource_metadata=${quoted(challenge.resourceMetadata)}`);
  if (challenge.scopes?.length) params.push(`scope=${quoted(challenge.scopes.join(' '))}`);
  return `Bearer ${params.join(', ')}`;
}

const STATUS = { invalid_request: 400, invalid_token: 401, insufficient_scope: 403 } as const;

/**
 * A refused request: 401 (no or invalid token), 400 (malformed request) or 403 (insufficient
 * scope), with its challenge and an OAuth error body; never cached.
 */
export function challengeResponse(challenge: BearerChallenge, body?: unknown): Response {
  const status = challenge.error ? STATUS[challenge.error] : 401;
  const payload = body ?? {
    error: challenge.error ?? 'invalid_token',
    error_description:
      challenge.errorDescription ?? 'Authorization needed: send Authorization: Bearer <token>',
  };
  return new Response(JSON.stringify(payload), {
    status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'www-authenticate': bearerChallenge(challenge),
    },
  });
}
