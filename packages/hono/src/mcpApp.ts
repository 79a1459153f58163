import { Hono } from 'hono';
import type { Context as HonoContext } from 'hono';
import type { AuthInfo } from '@typemcp/protocol';
import type { Server } from '@typemcp/server';
import { McpHttpHandler } from './McpHttpHandler';
import type { McpHttpOptions } from './McpHttpOptions';

/** What can be served over HTTP: a low-level Server, or anything holding one (createServer's result). */
export type Servable = Server | { server: Server };

const EXPOSED = 'Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate';
const ALLOWED = 'Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID';

/** The server inside a {@link Servable}. */
export function serverOf(target: Servable): Server {
  return 'server' in target && !('setRequestHandler' in target) ? target.server : (target as Server);
}

/** A Hono app with the MCP engine attached (`handler` closes sessions at shutdown). */
export type McpHonoApp = Hono & { mcp: McpHttpHandler };

/**
 * A Hono app serving MCP: Streamable HTTP (both eras) at `/mcp`, legacy HTTP+SSE at `/sse` and
 * `/messages`. Mount it under any prefix of your own app.
 *
 * @example
 * const app = new Hono();
 * app.route('/tools', mcpApp(createServer({ providers: [Demo] })));
 */
export function mcpApp(target: Servable, options: McpHttpOptions = {}): McpHonoApp {
  const handler = new McpHttpHandler(serverOf(target), options);
  const app = new Hono() as McpHonoApp;
  app.mcp = handler;
  const endpoint = options.endpoint ?? '/mcp';
  const auth = (c: HonoContext) => c.get('auth' as never) as AuthInfo | undefined;
  if (options.cors) {
    app.use('*', async (c, next) => {
      const origin = c.req.header('origin');
      const allowed = origin && (options.allowedOrigins?.includes('*') || options.allowedOrigins?.includes(origin));
      if (c.req.method === 'OPTIONS') {
        return new Response(null, {
          status: 204,
          headers: allowed
            ? { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS', 'access-control-allow-headers': ALLOWED, 'access-control-max-age': '86400' }
            : {},
        });
      }
      await next();
      if (allowed) {
        c.res.headers.set('access-control-allow-origin', origin);
        c.res.headers.set('access-control-expose-headers', EXPOSED);
      }
    });
  }
  app.all(endpoint, (c) => handler.handle(c.req.raw, 'mcp', auth(c)));
  if (options.ssePath !== false) {
    app.get(options.ssePath ?? '/sse', (c) => handler.handle(c.req.raw, 'sse', auth(c)));
    app.post(options.messagesPath ?? '/messages', (c) => handler.handle(c.req.raw, 'messages', auth(c)));
  }
  app.notFound((c) => c.json({ jsonrpc: '2.0', error: { code: -32601, message: `Not found: ${c.req.path}` } }, 404));
  app.onError((_error, c) => c.json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' } }, 500));
  return app;
}
