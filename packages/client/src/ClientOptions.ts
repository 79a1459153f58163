import type { ClientCapabilities, LoggingLevel, Prompt, Resource, Tool } from '@typemcp/protocol';

/**
 * Which protocol era the client speaks: `auto` probes, `modern` insists on 2026-07-28,
 * `legacy` goes straight to the `initialize` handshake.
 *
 * @example
 * new Client(info, { mode: 'legacy' satisfies ClientMode });
 */
export type ClientMode = 'auto' | 'modern' | 'legacy';

/**
 * Options of a {@link Client}.
 *
 * @example
 * new Client({ name: 'app', version: '1.0.0' }, {
 *   capabilities: { elicitation: {} },
 *   mode: 'auto',
 *   requestTimeoutMs: 30_000,
 * });
 */
export interface ClientOptions {
  /**
   * Capabilities to declare (sampling, elicitation, roots, extensions). Sent in `initialize`
   * (legacy) or in every request's `_meta` (modern). Register the matching handlers with
   * `client.setRequestHandler`.
   */
  capabilities?: ClientCapabilities;
  /**
   * `auto` (default) probes `server/discover` and falls back to `initialize` when the server
   * answers another error or nothing in time; `modern` fails unless the server speaks
   * 2026-07-28; `legacy` skips the probe.
   */
  mode?: ClientMode;
  /** Default timeout of every request, in ms (default 60 000). Per call: `options.timeoutMs`. */
  requestTimeoutMs?: number;
  /**
   * How long the `server/discover` probe waits for an answer before taking the server as legacy
   * (ms, default 3000). Over stdio it counts from the server's first byte (a process still
   * starting is not silence); see {@link ClientOptions.probeStartupTimeoutMs}.
   */
  probeTimeoutMs?: number;
  /**
   * Over stdio: how long a server that has written nothing at all may take to start before the
   * probe's own timeout begins anyway (ms, default 20 000). A legacy-only server that ignores
   * `server/discover` and writes nothing costs up to this long to connect: give `mode: 'legacy'`
   * for such a server.
   */
  probeStartupTimeoutMs?: number;
  /** Log level asked of the server: legacy `logging/setLevel` after connecting; modern `_meta` per request. */
  logLevel?: LoggingLevel;
  /**
   * Called with the fresh list each time the server says a list changed (the client re-fetches
   * it). In the 2026-07-28 era the client opens a `subscriptions/listen` stream for this after
   * connecting; in a legacy session the notifications arrive on the session.
   *
   * @example
   * new Client(info, { listChanged: { tools: (tools) => render(tools) } });
   */
  listChanged?: {
    tools?: (tools: Tool[]) => void;
    prompts?: (prompts: Prompt[]) => void;
    resources?: (resources: Resource[]) => void;
  };
  /** Most rounds of a multi round-trip request before giving up (default 8). */
  maxInputRounds?: number;
  /**
   * Check tool results against the `outputSchema` seen in `tools/list` (default true): a tool
   * with one must return `structuredContent`.
   */
  validateToolResults?: boolean;
}
