import type { AuthInfo } from '../transport/Transport';

/**
 * Checks a bearer token and says who presented it. Implementations: `JwtVerifier` and
 * `IntrospectionVerifier` in `@typemcp/auth`, the built-in authorization server's provider, or
 * your own. A token that is not valid (garbled, expired, for another resource, revoked) throws
 * {@link InvalidTokenError}; any other throw means the verifier could not decide (503).
 *
 * @example
 * const verifier: TokenVerifier = {
 *   async verify(token) {
 *     const user = await users.byToken(token);
 *     if (!user) throw new InvalidTokenError('Unknown token');
 *     return { subject: user.id, scopes: user.scopes, token };
 *   },
 * };
 */
export interface TokenVerifier {
  /** The caller the token stands for; throws {@link InvalidTokenError} when it is not valid. */
  verify(token: string): Promise<AuthInfo>;
}

/**
 * A bearer token that is not valid: answered with 401 and
 * `WWW-Authenticate: Bearer error="invalid_token"`; the message becomes `error_description`.
 *
 * @example
 * throw new InvalidTokenError('The token expired');
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}
