/** Random bytes as base64url, from WebCrypto. */
export function randomUrlSafe(bytes = 32): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return Buffer.from(buffer).toString('base64url');
}

/**
 * A PKCE pair (RFC 7636): a random `code_verifier` and its S256 `code_challenge` (WebCrypto SHA-256).
 *
 * @example
 * const { verifier, challenge } = await createPkce();
 */
export async function createPkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomUrlSafe(32);
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(verifier),
  );
  return { verifier, challenge: Buffer.from(digest).toString('base64url') };
}
