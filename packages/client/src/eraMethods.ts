import { methodExistsIn } from '@typemcp/protocol';
import type { ProtocolEra } from '@typemcp/protocol';
import { UnsupportedInEraError } from './errors/UnsupportedInEraError';

/** What replaces a client request that its era lacks (the tables are @typemcp/protocol's). */
const HINTS: ReadonlyMap<string, string> = new Map([
  ['initialize', 'the stateless era has no handshake'],
  ['ping', 'use client.ping(), which sends server/discover'],
  [
    'logging/setLevel',
    "use client.setLoggingLevel(level): the level then travels in every request's _meta",
  ],
  ['resources/subscribe', 'use subscriptions/listen'],
  ['resources/unsubscribe', 'use subscriptions/listen'],
  ['tasks/result', 'the tasks extension has tasks/get, tasks/update and tasks/cancel'],
  ['tasks/list', 'the tasks extension has tasks/get, tasks/update and tasks/cancel'],
  [
    'server/discover',
    'the server speaks a handshake version; its capabilities came with initialize',
  ],
  ['subscriptions/listen', 'legacy servers push notifications on the session without it'],
]);

/**
 * Throws {@link UnsupportedInEraError} when `method` does not exist in `era` (per the method-era
 * tables of @typemcp/protocol, which the server answers by too), before anything is sent, so the
 * caller learns why instead of getting the server's -32601.
 *
 * @example
 * assertMethodInEra('resources/subscribe', 'modern'); // throws: use subscriptions/listen
 */
export function assertMethodInEra(method: string, era: ProtocolEra): void {
  if (methodExistsIn(method, era)) return;
  throw new UnsupportedInEraError(method, era, HINTS.get(method) ?? `not part of the ${era} era`);
}
