import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpHonoApp } from '../mcpApp';
import type { McpHttpOptions } from '../McpHttpOptions';
import { ErrorCode } from '@typemcp/protocol';
import { errorResponse } from '../httpErrors';
import { replyPartsOf } from '../reply';
import type { ReplyParts } from '../reply';
import { NodeRequest } from './NodeRequest';

/** A Node.js request listener. */
export type NodeListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

/** What the listener takes from @hono/node-server (its `getRequestListener`, 1.x and 2.x alike). */
export type GetRequestListener = (
  fetch: (
    request: Request,
    env: { incoming: IncomingMessage; outgoing: ServerResponse },
  ) => unknown,
  options?: { hostname?: string },
) => NodeListener;

const PENDING = Symbol('typemcp.pendingResponse');

/** Writes a reply with a whole body (or none) to Node's response. */
function writeParts(outgoing: ServerResponse, parts: ReplyParts): void {
  const headers = parts.headers;
  if (parts.body !== null) headers['content-length'] = String(Buffer.byteLength(parts.body));
  outgoing.writeHead(parts.status, headers);
  outgoing.end(parts.body ?? undefined);
}
type WithPending = IncomingMessage & { [PENDING]?: Response };

/**
 * The Node.js listener of `serve()`: a POST to the MCP endpoint goes straight to the engine and a
 * reply with a whole body is written straight to Node's response: no Hono routing, no WHATWG
 * Request, no reading the Response back (at one connection that framework work is most of
 * what separates an MCP call from a bare node:http answer; see docs/benchmarks.md). Everything
 * else — other paths and methods, streamed replies — goes through @hono/node-server as before:
 * the Hono app for requests, its writer for streams.
 *
 * Only for an app `serve()` built itself (no middleware of the user's to honour) and without
 * CORS (whose headers are added to the Response after it is built).
 *
 * @example
 * const listener = mcpNodeListener(app, options, getRequestListener);
 * createServer(listener).listen(3000);
 */
export function mcpNodeListener(
  app: McpHonoApp,
  options: McpHttpOptions,
  getRequestListener: GetRequestListener,
): NodeListener {
  const viaHono = getRequestListener((request, env) => app.fetch(request, env));
  // writes a Response the engine already made (a stream) with @hono/node-server's own writer
  const writeResponse = getRequestListener(
    (_request, env) => (env.incoming as WithPending)[PENDING],
  );
  const endpoint = options.endpoint ?? '/mcp';
  const engine = app.mcp;
  return (incoming, outgoing) => {
    if (incoming.method !== 'POST' || incoming.url !== endpoint) {
      viaHono(incoming, outgoing);
      return;
    }
    const request = new NodeRequest(incoming, outgoing).asRequest();
    engine.serveRoute(request, 'mcp').then(
      (response) => {
        const parts = replyPartsOf(response);
        if (parts) return writeParts(outgoing, parts);
        (incoming as WithPending)[PENDING] = response;
        writeResponse(incoming, outgoing);
      },
      (error: unknown) => {
        engine.server.reportError(error instanceof Error ? error : new Error(String(error)));
        const failed = errorResponse(500, ErrorCode.InternalError, 'Internal error');
        if (!outgoing.headersSent) writeParts(outgoing, replyPartsOf(failed) as ReplyParts);
        else outgoing.end();
      },
    );
  };
}
