import { Hono } from 'hono';
import type { Context as HonoContext } from 'hono';
import type { AuthInfo } from '@typemcp/protocol';
import type { Server } from '@typemcp/server';
import { errorResponse } from './httpErrors';
import { McpHttpHandler } from './McpHttpHandler';
import type { McpRoute } from './McpHttpHandler';
import { rememberNodeExchange } from './nodeRequest';
import type { McpHttpOptions } from './McpHttpOptions';

/**
 * What can be served over HTTP: a low-level `Server`, or anything holding one in `.server`
 * (the `McpApp` that `createServer()` returns).
 */
export type Servable = Server | { readonly server: Server };

/**
 * The low-level server inside a {@link Servable}.
 *
 * @example
 * serverOf(createServer({ providers: [Demo] })) instanceof Server; // true
 */
export function serverOf(target: Servable): Server {
  return 'setRequestHandler' in target ? target : target.server;
}

/** A Hono app with the MCP engine attached at `mcp` (sessions, eviction, shutdown). */
export type McpHonoApp = Hono & {
  /** The MCP engine: sessions, streams, limits, `stats()`, `shutdown()`. */
  mcp: McpHttpHandler;
  /**
   * Stops serving: new work is refused with 503, in-flight requests get up to `timeoutMs`
   * (default 10 s) to finish, sessions and streams close, then the served `McpApp`'s lifespan
   * stops (its cleanup runs). Idempotent. Call it from your own shutdown path (SIGTERM, your
   * Node server's `close`); `serve()` calls it for you.
   *
   * @example
   * const mcp = mcpHonoApp(createServer({ providers: [Demo] }));
   * process.on('SIGTERM', () => void mcp.close().then(() => process.exit(0)));
   */
  close(timeoutMs?: number): Promise<void>;
};

/**
 * A Hono app serving MCP: Streamable HTTP (both eras) at `/mcp`, the legacy HTTP+SSE transport at
 * `/sse` and `/messages`. Mount it under any prefix of your own app; an `auth` value your
 * middleware sets on the Hono context reaches handlers. With `options.auth` the routes need
 * OAuth bearer tokens and the app also serves the RFC 9728 metadata under `/.well-known` (mount
 * it at the root then). Every answer, even for an unknown path or a crash, is a JSON-RPC body.
 *
 * @example
 * const app = new Hono();
 * app.route('/tools', mcpHonoApp(createServer({ providers: [Demo] }))); // POST /tools/mcp
 * // exactly at /mcp: app.route('/mcp', mcpHonoApp(server, { endpoint: '/' }))
 * app.route('/', mcpHonoApp(mcp, { auth: { verifier, resource: 'https://h/mcp', authorizationServers: ['https://as'] } }));
 */
export function mcpHonoApp(target: Servable, options: McpHttpOptions = {}): McpHonoApp {
  const handler = new McpHttpHandler(serverOf(target), options);
  const app = new Hono() as McpHonoApp;
  app.mcp = handler;
  let closing: Promise<void> | undefined;
  app.close = (timeoutMs = 10_000) =>
    (closing ??= (async () => {
      await handler.shutdown(timeoutMs);
      if ('stop' in target && typeof target.stop === 'function')
        await (target.stop as () => Promise<void>)();
    })());
  const auth = (c: HonoContext) => c.get('auth' as never) as AuthInfo | undefined;
  // Under @hono/node-server the engine reads Node's request directly (see nodeRequest.ts).
  const node = (c: HonoContext): Request => {
    rememberNodeExchange(c.req.raw, c.env);
    return c.req.raw;
  };
  const serveRoute = (c: HonoContext, route: McpRoute) =>
    handler.serveRoute(node(c), route, auth(c));
  const guard = handler.guard;
  // OAuth (options.auth): the RFC 9728 metadata; every MCP route is behind the guard
  if (guard) for (const path of guard.metadataPaths) app.get(path, () => guard.metadataResponse());
  app.all(options.endpoint ?? '/mcp', (c) => serveRoute(c, 'mcp'));
  if (options.ssePath !== false) {
    app.all(options.ssePath ?? '/sse', (c) => serveRoute(c, 'sse'));
    app.all(options.messagesPath ?? '/messages', (c) => serveRoute(c, 'messages'));
  }
  app.notFound((c) => errorResponse(404, -32601, `Not found: ${c.req.path}`));
  app.onError(() => errorResponse(500, -32603, 'Internal error'));
  return app;
}

/**
 * The former name of {@link mcpHonoApp}, kept so existing code keeps working; it was renamed so
 * it no longer reads like `McpApp`, the class `createServer()` returns.
 *
 * @deprecated use {@link mcpHonoApp}
 * @example
 * app.route('/', mcpApp(server)); // same as mcpHonoApp(server)
 */
export const mcpApp = mcpHonoApp;
