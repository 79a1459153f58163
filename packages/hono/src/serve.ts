import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadNodeServer } from './loadNodeServer';
import { mcpHonoApp } from './mcpApp';
import { mcpNodeListener } from './node/mcpNodeListener';
import type { GetRequestListener } from './node/mcpNodeListener';
import type { McpHonoApp, Servable } from './mcpApp';
import type { McpHttpOptions } from './McpHttpOptions';

/** Options of {@link serve}. */
export interface ServeOptions extends McpHttpOptions {
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 3000; 0 picks a free one). */
  port?: number;
  /** Close gracefully on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
  /** How long shutdown waits for in-flight requests (default 10 s). */
  shutdownTimeoutMs?: number;
  /** Runs after the HTTP server closed (e.g. stop the lifespan). */
  onshutdown?: () => unknown;
}

/** A running HTTP server. */
export interface RunningHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** The bound port. */
  port: number;
  /** The Hono app, with its MCP engine at `app.mcp`. */
  app: McpHonoApp;
  /** Stops accepting, closes sessions and streams, waits for in-flight requests, runs onshutdown. */
  close(): Promise<void>;
}

/** Starts listening; rejects with the server's error (e.g. the port is taken). */
function listen(server: HttpServer, port: number, host: string): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Serves an MCP server (or a ready Hono app) over HTTP on Node.js, with graceful shutdown on
 * SIGINT and SIGTERM. For a server it is given, POSTs to the MCP endpoint are answered straight
 * from Node's request (see mcpNodeListener); everything else, and a ready Hono app, runs through
 * @hono/node-server. A port that cannot be had rejects (e.g. `EADDRINUSE`).
 *
 * @example
 * const { url } = await serve(createServer({ providers: [Demo] }), { port: 3000 });
 */
export async function serve(
  target: Servable | McpHonoApp,
  options: ServeOptions = {},
): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const ownApp = !('fetch' in target && 'mcp' in target);
  const app: McpHonoApp = !ownApp
    ? (target as McpHonoApp)
    : mcpHonoApp(target as Servable, {
        validateHost: LOOPBACK.has(host) || options.allowedHosts !== undefined,
        ...options,
      });
  // a node of a cluster first reaches its shared stores; failing that, nothing is left running
  await app.mcp.ready().catch(async (error: unknown) => {
    await app.mcp.close();
    throw error;
  });
  // @hono/node-server's listener, with the Host name a request without one is given
  const getRequestListener = loadNodeServer().getRequestListener as GetRequestListener;
  const listenerOf: GetRequestListener = (fetch) => getRequestListener(fetch, { hostname: host });
  // an app serve() built itself has no middleware to honour: its endpoint is answered straight
  // from Node's request (see mcpNodeListener); a ready app, or CORS, goes through Hono throughout
  const listener =
    ownApp && !options.cors ? mcpNodeListener(app, options, listenerOf) : listenerOf(app.fetch);
  const server = await listen(createServer(listener), options.port ?? 3000, host).catch(
    async (error: unknown) => {
      await app.mcp.close(); // nothing is left running when the port cannot be had
      throw error;
    },
  );
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // In-flight requests finish first, then the lifespan stops (a parent app carrying a mounted
      // engine at `.mcp` has no close() of its own: its engine is shut down).
      const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
      await (typeof app.close === 'function' ? app.close(timeoutMs) : app.mcp?.shutdown(timeoutMs));
      server.closeIdleConnections();
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 200).unref())]);
      server.closeAllConnections();
      await options.onshutdown?.();
    })());
  const onSignal = () => void close().then(() => process.exit(0));
  if (options.handleSignals ?? true) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return { url: `http://${shownHost}:${address.port}`, port: address.port, app, close };
}
