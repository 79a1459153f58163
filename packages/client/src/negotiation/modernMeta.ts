import {
  META_CLIENT_CAPABILITIES,
  META_CLIENT_INFO,
  META_LOG_LEVEL,
  META_PROTOCOL_VERSION,
  META_SERVER_INFO,
} from '@typemcp/protocol';
import type { ClientCapabilities, Implementation, LoggingLevel } from '@typemcp/protocol';

/** The `_meta` keys a 2026-07-28 client request carries. */
export const MODERN_META_KEYS = {
  protocolVersion: META_PROTOCOL_VERSION,
  clientCapabilities: META_CLIENT_CAPABILITIES,
  clientInfo: META_CLIENT_INFO,
  logLevel: META_LOG_LEVEL,
  serverInfo: META_SERVER_INFO,
} as const;

/** What goes into the `_meta` of every modern request. */
export interface ModernMetaInput {
  /** The protocol version in use (e.g. `2026-07-28`). */
  protocolVersion: string;
  /** The client's capabilities (required by the spec on every request). */
  capabilities: ClientCapabilities;
  /** The client's identity (SHOULD be sent). */
  clientInfo: Implementation;
  /** The lowest log level wanted; without it the server sends no `notifications/message`. */
  logLevel?: LoggingLevel;
}

/**
 * Builds the per-request `_meta` of the stateless era, merged over `extra` (the caller's own
 * `_meta`, e.g. OpenTelemetry keys); the protocol keys always win.
 *
 * @example
 * buildModernMeta({ protocolVersion: '2026-07-28', capabilities: {}, clientInfo: { name: 'a', version: '1' } });
 * // { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', ... }
 */
export function buildModernMeta(
  input: ModernMetaInput,
  extra?: Record<string, unknown>,
): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    ...extra,
    [MODERN_META_KEYS.protocolVersion]: input.protocolVersion,
    [MODERN_META_KEYS.clientCapabilities]: input.capabilities,
    [MODERN_META_KEYS.clientInfo]: input.clientInfo,
  };
  if (input.logLevel !== undefined) meta[MODERN_META_KEYS.logLevel] = input.logLevel;
  return meta;
}
