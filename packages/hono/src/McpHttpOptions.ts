import type { SecurityOptions } from './security/SecurityOptions';
import type { EventStore } from './streamable/EventStore';

/**
 * Options of the MCP HTTP engine, `mcpApp()` and `serve()`.
 *
 * @example
 * mcpApp(server, { statelessOnly: true, maxBodyBytes: 1 << 20, allowedOrigins: ['https://app.example.com'] });
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
  /** Answer legacy POSTed requests with one JSON body instead of an SSE stream. */
  enableJsonResponse?: boolean;
  /** Largest request body in bytes (default 4 MiB); larger → 413. */
  maxBodyBytes?: number;
  /** A legacy session idle this long (no request, no open stream) is ended (default 30 min). */
  sessionIdleTimeoutMs?: number;
  /** Most concurrent legacy sessions (default 10 000); past it, initialize gets 503. */
  maxSessions?: number;
  /** Where SSE events are kept for `Last-Event-ID` resumption (default: a bounded in-memory store; `false`: none). */
  eventStore?: EventStore | false;
  /** Interval of SSE keep-alive comments in ms (default 15 000; 0: none). */
  keepAliveMs?: number;
  /** `retry` (ms) sent with the priming event of 2025-11-25 streams (default 1000). */
  retryMs?: number;
}
