/**
 * The facts that differ between the two protocol eras, in one place, for the server, the HTTP
 * engine and the client alike: which client requests exist in which era, how a request says it
 * is of the stateless era, and which error a missing client capability gets. The versions
 * themselves are in `versions.ts` beside this file, the `_meta` keys in `types/meta.ts`.
 */
import { ErrorCode } from '../errors/ErrorCode';
import { McpError } from '../errors/McpError';
import { META_PROTOCOL_VERSION } from '../types/meta';
import { LEGACY_PROTOCOL_VERSIONS } from './versions';
import type { ProtocolEra } from './versions';

/**
 * Client requests of the handshake era (schema 2025-11-25 `ClientRequest`) that 2026-07-28 and
 * its tasks extension do not have: a modern request for one is answered -32601.
 */
export const LEGACY_ONLY_METHODS: ReadonlySet<string> = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
  'tasks/result',
  'tasks/list',
]);

/**
 * Client requests of the stateless era (schema 2026-07-28 `ClientRequest`) that 2025-11-25 does
 * not have: a legacy session gets -32601 for them.
 */
export const MODERN_ONLY_METHODS: ReadonlySet<string> = new Set([
  'server/discover',
  'subscriptions/listen',
]);

/**
 * Requests of the `io.modelcontextprotocol/tasks` extension (2026-07-28), beside the core schema.
 * `tasks/get` and `tasks/cancel` exist in 2025-11-25 too (with another design); `tasks/update`
 * only here.
 */
export const TASKS_EXTENSION_METHODS: ReadonlySet<string> = new Set([
  'tasks/get',
  'tasks/update',
  'tasks/cancel',
]);

/** Identifier of the tasks extension, the key under `capabilities.extensions` (2026-07-28). */
export const TASKS_EXTENSION_ID = 'io.modelcontextprotocol/tasks';

/**
 * Whether a client request `method` exists in `era` (methods of neither table exist in both).
 *
 * @example
 * methodExistsIn('resources/subscribe', 'modern'); // false: use subscriptions/listen
 */
export function methodExistsIn(method: string, era: ProtocolEra): boolean {
  return !(era === 'modern' ? LEGACY_ONLY_METHODS : MODERN_ONLY_METHODS).has(method);
}

/**
 * Whether a request's `_meta` carries a protocol version: the mark of a 2026-07-28 request
 * (legacy requests are bound to their session's negotiated version instead).
 *
 * @example
 * hasModernMeta(request.params?._meta); // true for { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', ... }
 */
export function hasModernMeta(meta: unknown): meta is Record<string, unknown> {
  return typeof meta === 'object' && meta !== null && META_PROTOCOL_VERSION in meta;
}

/**
 * Whether an `MCP-Protocol-Version` header value names a version outside the handshake era (a
 * stateless request, or one to refuse as unsupported); `null` (no header) is legacy 2025-03-26.
 *
 * @example
 * isModernHeaderVersion('2026-07-28'); // true
 */
export function isModernHeaderVersion(version: string | null): boolean {
  return version !== null && !LEGACY_PROTOCOL_VERSIONS.includes(version);
}

/**
 * The JSON-RPC code of "the client did not declare a capability this needs": -32021
 * (MissingRequiredClientCapability) in 2026-07-28; the handshake era has no such code and uses
 * -32600 (InvalidRequest).
 *
 * @example
 * missingCapabilityCode('legacy'); // -32600
 */
export function missingCapabilityCode(era: ProtocolEra): number {
  return era === 'modern' ? ErrorCode.MissingRequiredClientCapability : ErrorCode.InvalidRequest;
}

/**
 * The error for a missing client capability in `era` (see {@link missingCapabilityCode}); `data`
 * usually names it, e.g. `{ requiredCapabilities: { sampling: {} } }`.
 *
 * @example
 * throw missingCapabilityError(ctx.era, 'This tool needs sampling', { requiredCapabilities: { sampling: {} } });
 */
export function missingCapabilityError(
  era: ProtocolEra,
  message: string,
  data?: unknown,
): McpError {
  return new McpError(missingCapabilityCode(era), message, data);
}
