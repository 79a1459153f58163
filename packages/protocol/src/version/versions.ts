/** Every MCP protocol version TypeMCP recognises, newest first. */
export const SUPPORTED_PROTOCOL_VERSIONS = [
  '2026-07-28',
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
] as const;

/** A protocol version string TypeMCP speaks. */
export type ProtocolVersion = (typeof SUPPORTED_PROTOCOL_VERSIONS)[number];

/** The current (modern, stateless) revision. */
export const LATEST_PROTOCOL_VERSION = '2026-07-28';

/** The newest handshake-based (legacy) revision. */
export const LATEST_LEGACY_PROTOCOL_VERSION = '2025-11-25';

/** Versions of the stateless era: every request carries its version in `_meta`. */
export const MODERN_PROTOCOL_VERSIONS: readonly string[] = ['2026-07-28'];

/** Versions of the handshake era: `initialize`, sessions, server-to-client requests. */
export const LEGACY_PROTOCOL_VERSIONS: readonly string[] = [
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
];

/** The era a version belongs to. */
export type ProtocolEra = 'modern' | 'legacy';

/** The era of a version, or `undefined` for a version TypeMCP does not know. */
export function eraOf(version: string): ProtocolEra | undefined {
  if (MODERN_PROTOCOL_VERSIONS.includes(version)) return 'modern';
  if (LEGACY_PROTOCOL_VERSIONS.includes(version)) return 'legacy';
  return undefined;
}

/**
 * Legacy version negotiation (lifecycle, 2025-11-25): echo the client's version when supported,
 * otherwise answer with the latest legacy version.
 */
export function negotiateLegacyVersion(
  requested: unknown,
  supported: readonly string[] = LEGACY_PROTOCOL_VERSIONS,
): string {
  return typeof requested === 'string' && supported.includes(requested) ? requested : supported[0];
}

/** True when `version` is `minimum` or newer (dates compare as strings). */
export function isVersionAtLeast(version: string, minimum: string): boolean {
  return version >= minimum;
}
