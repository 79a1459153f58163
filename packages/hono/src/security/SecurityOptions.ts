/**
 * Request checks that protect an MCP server reachable over HTTP (DNS rebinding, foreign web
 * pages, browser clients).
 *
 * @example
 * mcpHonoApp(server, { allowedOrigins: ['https://app.example.com'], allowedHosts: ['mcp.example.com'], cors: true });
 */
export interface SecurityOptions {
  /** Origins allowed besides same-origin and (on a local server) localhost ones; `*` allows all. */
  allowedOrigins?: string[];
  /** Host header values allowed (`host` or `host:port`) besides localhost names. */
  allowedHosts?: string[];
  /**
   * Check the Host header against DNS rebinding: only localhost names and `allowedHosts` pass.
   * `serve()` turns it on when it binds a loopback address and off otherwise; `mcpHonoApp()` cannot
   * know where it is bound, so it checks unless told `false` (or given `allowedHosts`).
   */
  validateHost?: boolean;
  /** Answer CORS preflights and expose the MCP headers to browser clients of allowed origins. */
  cors?: boolean;
}
