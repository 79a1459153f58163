import type { ClientCapabilities, LoggingLevel } from '@typemcp/protocol';

/** Which protocol era the client speaks. */
export type ClientMode = 'auto' | 'modern' | 'legacy';

/** Options of a {@link Client}. */
export interface ClientOptions {
  /** Capabilities to declare (sampling, elicitation, roots...). */
  capabilities?: ClientCapabilities;
  /**
   * `auto` (default) probes `server/discover` and falls back to `initialize`; `modern` insists on
   * 2026-07-28; `legacy` goes straight to the `initialize` handshake.
   */
  mode?: ClientMode;
  /** Default request timeout in ms (60 s). */
  requestTimeoutMs?: number;
  /** How long the `server/discover` probe may take before the server is taken as legacy (3 s). */
  probeTimeoutMs?: number;
  /** Log level asked of the server (legacy: `logging/setLevel` after connecting; modern: per request). */
  logLevel?: LoggingLevel;
  /** Most rounds of a multi round-trip request before giving up (default 8). */
  maxInputRounds?: number;
}
