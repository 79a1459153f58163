/** Methods that exist only in the handshake era; a modern request for them gets -32601. */
export const LEGACY_ONLY_METHODS: ReadonlySet<string> = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
  'tasks/result',
  'tasks/list',
]);

/** Methods that exist only in the stateless era; a legacy session gets -32601 for them. */
export const MODERN_ONLY_METHODS: ReadonlySet<string> = new Set([
  'server/discover',
  'subscriptions/listen',
]);

/** Modern results that must carry caching hints (`ttlMs`, `cacheScope`). */
export const CACHEABLE_METHODS: ReadonlySet<string> = new Set([
  'server/discover',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
]);
