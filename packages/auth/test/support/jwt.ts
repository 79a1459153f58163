import { generateKeyPair, SignJWT } from 'jose';
import type { KeyLike } from 'jose';

export const ISSUER = 'https://issuer.test';

/** An ES256 key pair and a signer of tokens with defaults that a test overrides. */
export async function jwtKit(audience: () => string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const sign = async (
    claims: Record<string, unknown> = {},
    options: { key?: KeyLike | Uint8Array; alg?: string } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const body = { sub: 'alice', scope: 'mcp', client_id: 'client-1', ...claims };
    const jwt = new SignJWT(body).setProtectedHeader({ alg: options.alg ?? 'ES256' });
    if (!('iss' in claims)) jwt.setIssuer(ISSUER);
    if (!('aud' in claims)) jwt.setAudience(audience());
    if (!('exp' in claims)) jwt.setExpirationTime(now + 600);
    if (!('iat' in claims)) jwt.setIssuedAt(now);
    return jwt.sign(options.key ?? privateKey);
  };
  return { publicKey, privateKey, sign };
}

/** An unsigned token (`alg: none`). */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
