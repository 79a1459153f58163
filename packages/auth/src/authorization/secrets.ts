import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A random token of `bytes` bytes, base64url (codes, access and refresh tokens, client secrets).
 *
 * @example
 * randomToken(); // 43 characters
 */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The stored form of a secret or token: SHA-256, base64url. Secrets made by {@link randomToken}
 * carry 256 bits of entropy, so a fast hash is enough (no password hashing needed).
 *
 * @example
 * const client = { client_id: 'robot', client_secret_hash: hashSecret(secret), grant_types: ['client_credentials'] };
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Whether `secret` matches a stored hash, in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a PKCE `code_verifier` matches an S256 `code_challenge` (RFC 7636 §4.6), in constant time. */
export function pkceMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const a = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
