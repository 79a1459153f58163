import type { ResourceServerOptions } from '@typemcp/protocol';
import type { SecurityOptions } from './security/SecurityOptions';
import type { McpStores } from './cluster/McpStores';
import type { EventStore } from './streamable/EventStore';

/**
 * Options of the MCP HTTP engine, `mcpHonoApp()` and `serve()`.
 *
 * Limits: every one has a safe default, and a request past one is refused with a JSON-RPC error
 * whose message and `data.limit` name the option to raise — 413 for a body over
 * `maxBodyBytes`; 503 with `Retry-After` for the server-wide `maxSessions` and `maxSseStreams`;
 * 429 with `Retry-After` for one session's `maxSseStreamsPerSession` and
 * `maxInflightPerSession`. Nothing already accepted is affected, and new work is accepted again
 * as soon as the load drops below the limit.
 *
 * @example
 * mcpHonoApp(server, { statelessOnly: true, maxBodyBytes: 1 << 20, allowedOrigins: ['https://app.example.com'] });
 * mcpHonoApp(server, { maxSessions: 1000, maxSseStreams: 2000, maxSseStreamsPerSession: 8, maxInflightPerSession: 16 });
 */
export interface McpHttpOptions extends SecurityOptions {
  /** Path of the Streamable HTTP endpoint (default `/mcp`). */
  endpoint?: string;
  /** Path of the legacy HTTP+SSE stream (default `/sse`); `false` turns HTTP+SSE off. */
  ssePath?: string | false;
  /** Path legacy HTTP+SSE clients POST to (default `/messages`). */
  messagesPath?: string;
  /** Serve only the stateless 2026-07-28 protocol: no sessions, GET and DELETE answer 405. */
  statelessOnly?: boolean;
  /**
   * Serve every era without sessions (implies `statelessOnly`): 2026-07-28 requests as always,
   * and 2025-era clients too — `initialize` is answered without an `Mcp-Session-Id`, and each
   * later POST is self-contained (its version from `MCP-Protocol-Version`, 2025-03-26 when
   * absent). What needs a session (server-to-client requests, subscriptions, `logging/setLevel`,
   * the GET stream, resumability) is not available to those clients; see docs/transports.md.
   */
  statelessLegacy?: boolean;
  /** Answer legacy POSTed requests with one JSON body instead of an SSE stream. */
  enableJsonResponse?: boolean;
  /**
   * Largest request body in bytes (default 4 MiB), for `POST /mcp` and `POST /messages`; a larger
   * one → 413 -32600 naming this option, whether or not it declares a `Content-Length` (the body
   * is never held past the limit).
   */
  maxBodyBytes?: number;
  /** A legacy session idle this long (no request, no open stream) is ended (default 30 min). */
  sessionIdleTimeoutMs?: number;
  /**
   * A legacy session that sent nothing after `initialize` (not even `notifications/initialized`)
   * is ended after this long (default 10 s), so a flood of handshakes cannot fill `maxSessions`.
   */
  unusedSessionTimeoutMs?: number;
  /**
   * Most concurrent sessions — legacy Streamable HTTP sessions and HTTP+SSE streams together
   * (default 10 000). At the limit a new `initialize` first ends the least recently active idle
   * legacy session (no open stream, no request in flight); only when every session is busy do
   * `initialize` and `GET /sse` get 503 -32603 naming this option, with a `Retry-After` of 1 s
   * when some session only awaits replies and 30 s when every one holds an open stream.
   */
  maxSessions?: number;
  /**
   * Most open SSE streams across the whole server (default 10 000): legacy POST reply streams,
   * GET and resumed streams, HTTP+SSE streams, and 2026-07-28 replies that turned into a stream.
   * A request that would open one more gets 503 -32603 naming this option and is not run (a
   * 2026-07-28 request whose reply turns into a stream then is cancelled).
   */
  maxSseStreams?: number;
  /**
   * Most open SSE streams of one legacy Streamable HTTP session (default 100): its POST reply
   * streams, its GET stream and resumed streams. Past it → 429 -32603 naming this option.
   */
  maxSseStreamsPerSession?: number;
  /**
   * Most requests of one legacy session (Streamable HTTP or HTTP+SSE) awaiting their reply
   * (default 100). Past it a POSTed request → 429 -32603 naming this option, and is not run;
   * notifications and responses are always accepted.
   */
  maxInflightPerSession?: number;
  /** Where SSE events are kept for `Last-Event-ID` resumption (default: a bounded in-memory store; `false`: none). */
  eventStore?: EventStore | false;
  /** Interval of SSE keep-alive comments in ms (default 15 000; 0: none). */
  keepAliveMs?: number;
  /**
   * OAuth protection (MCP authorization): every request needs a bearer token the verifier accepts;
   * `mcpHonoApp` also serves the RFC 9728 metadata at `/.well-known/oauth-protected-resource[/<path>]`
   * (mount the app at the origin's root, or serve it yourself). See docs/auth.md.
   */
  auth?: ResourceServerOptions;
  /** `retry` (ms) sent with the priming event of 2025-11-25 streams (default 1000). */
  retryMs?: number;
  /**
   * Serve as one node of several behind a load balancer, sharing legacy sessions, stream events,
   * tasks, `requestState` nonces and notifications through Redis: a URL (`redis://host:6379`,
   * needs `@typemcp/redis` installed) or the stores `redisStores(url)` built. See
   * docs/deployment.md. The HTTP+SSE (2024-11-05) transport stays per node (sticky).
   */
  redis?: string | McpStores;
  /** The same with any shared stores (e.g. in-memory ones shared by engines in one process). */
  stores?: McpStores;
}
