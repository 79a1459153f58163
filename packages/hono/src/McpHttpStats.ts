/**
 * What an HTTP engine holds right now, from {@link McpHttpHandler.stats}: for dashboards, and
 * for tests proving that nothing is left behind once clients go away.
 *
 * @example
 * const { sessions, openStreams, inflight } = app.mcp.stats();
 */
export interface McpHttpStats {
  /** Legacy Streamable HTTP sessions. */
  sessions: number;
  /** HTTP+SSE (2024-11-05) sessions. */
  sseSessions: number;
  /** Open SSE streams of every kind (counted against `maxSseStreams`). */
  openStreams: number;
  /** Requests being answered (stateless exchanges and legacy POSTs), as a shutdown waits for them. */
  inflight: number;
  /** Requests of legacy sessions awaiting their reply (Streamable HTTP and HTTP+SSE). */
  sessionRequests: number;
  /** Timers held: SSE keep-alive intervals, plus the idle-session sweeper. */
  timers: number;
  /** True once a graceful shutdown began (new work is refused). */
  draining: boolean;
}
