/**
 * An OAuth error answer (RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 7009): thrown by the endpoints,
 * answered as `{ error, error_description }` with its status and `Cache-Control: no-store`.
 *
 * @example
 * throw new OAuthError('invalid_grant', 'The code was already used');
 */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';

  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = error === 'invalid_client' ? 401 : error === 'server_error' ? 500 : 400,
  ) {
    super(description);
  }

  /** The JSON answer. */
  toResponse(headers: Record<string, string> = {}): Response {
    const extra: Record<string, string> =
      this.status === 401 ? { 'www-authenticate': 'Basic realm="oauth"' } : {};
    return oauthJson({ error: this.error, error_description: this.description }, this.status, {
      ...extra,
      ...headers,
    });
  }
}

/** A JSON answer of an OAuth endpoint, never cached. */
export function oauthJson(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      pragma: 'no-cache',
      ...headers,
    },
  });
}
