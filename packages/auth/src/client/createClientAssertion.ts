import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { JWK, KeyLike } from 'jose';

/**
 * Options of {@link createClientAssertion}.
 *
 * @example
 * const options: ClientAssertionOptions = { clientId: 'robot', privateKey, alg: 'ES256', kid: 'robot-1' };
 */
export interface ClientAssertionOptions {
  /** The client's id: `iss` and `sub` of the assertion. */
  clientId: string;
  /** The private key (a KeyObject/CryptoKey, or a private JWK). */
  privateKey: KeyLike | JWK;
  /** Signature algorithm (default ES256; RS256, PS256, EdDSA also work with matching keys). */
  alg?: string;
  /** `kid` header, when the server's JWKS for the client has several keys. */
  kid?: string;
  /** Lifetime in seconds (default 60). */
  lifetimeSeconds?: number;
}

/**
 * Makes the `assertion` function of a `private_key_jwt` client (RFC 7523 §2.2): each call signs a
 * fresh short-lived JWT (`iss` = `sub` = client id, `aud` = the authorization server, a unique
 * `jti`) with jose. Pass it as `clientCredentials.assertion` of a TypeMCP `OAuthClientProvider`.
 *
 * @example
 * const assertion = createClientAssertion({ clientId: 'robot', privateKey, alg: 'ES256' });
 * const provider = { clientMetadata: {}, clientCredentials: { clientId: 'robot', assertion } };
 */
export function createClientAssertion(
  options: ClientAssertionOptions,
): (audience: string) => Promise<string> {
  const alg = options.alg ?? 'ES256';
  let key: Promise<KeyLike | Uint8Array> | undefined;
  const keyOf = () =>
    (key ??=
      'kty' in options.privateKey
        ? importJWK(options.privateKey as JWK, alg)
        : Promise.resolve(options.privateKey as KeyLike));
  return async (audience) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader(options.kid ? { alg, kid: options.kid, typ: 'JWT' } : { alg, typ: 'JWT' })
      .setIssuer(options.clientId)
      .setSubject(options.clientId)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.lifetimeSeconds ?? 60))
      .setJti(randomUUID())
      .sign(await keyOf());
  };
}
