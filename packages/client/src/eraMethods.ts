import type { ProtocolEra } from '@typemcp/protocol';
import { UnsupportedInEraError } from './errors/UnsupportedInEraError';

/** Client requests removed in 2026-07-28, with what replaces them. */
const LEGACY_ONLY: ReadonlyMap<string, string> = new Map([
  ['initialize', 'the stateless era has no handshake'],
  ['ping', 'use client.ping(), which sends server/discover'],
  ['logging/setLevel', 'use client.setLoggingLevel(level): the level then travels in every request\'s _meta'],
  ['resources/subscribe', 'use subscriptions/listen'],
  ['resources/unsubscribe', 'use subscriptions/listen'],
]);

/** Client requests that exist only in 2026-07-28. */
const MODERN_ONLY: ReadonlyMap<string, string> = new Map([
  ['server/discover', 'the server speaks a handshake version; its capabilities came with initialize'],
  ['subscriptions/listen', 'legacy servers push notifications on the session without it'],
]);

/**
 * Throws {@link UnsupportedInEraError} when `method` does not exist in `era`, before anything
 * is sent, so the caller learns why instead of getting the server's -32601.
 *
 * @example
 * assertMethodInEra('resources/subscribe', 'modern'); // throws: use subscriptions/listen
 */
export function assertMethodInEra(method: string, era: ProtocolEra): void {
  const hint = era === 'modern' ? LEGACY_ONLY.get(method) : MODERN_ONLY.get(method);
  if (hint !== undefined) throw new UnsupportedInEraError(method, era, hint);
}
