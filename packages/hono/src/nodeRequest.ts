import type { IncomingMessage, ServerResponse } from 'node:http';

/** The Node.js objects behind a Request served by @hono/node-server. */
export interface NodeExchange {
  incoming: IncomingMessage;
  outgoing: ServerResponse;
}

/**
 * Where the exchange is kept on its Request: a symbol-keyed property rather than a WeakMap, whose
 * entry for every request (a young key in an old table) costs the garbage collector on each
 * scavenge.
 */
const EXCHANGE = Symbol('typemcp.nodeExchange');
type WithExchange = Request & { [EXCHANGE]?: NodeExchange };
const exchangeOf = (request: Request): NodeExchange | undefined =>
  (request as WithExchange)[EXCHANGE];

/**
 * Remembers the Node.js request and response behind `request` (from Hono's `c.env` under
 * @hono/node-server). The engine then reads the body straight from the Node stream and watches
 * the socket for a client that goes away, instead of asking the Request for `body` or `signal`
 * (which makes @hono/node-server build a full WHATWG Request per call: the largest cost of a
 * small request). Without it everything works from the Request alone (other runtimes).
 */
export function rememberNodeExchange(request: Request, env: unknown): void {
  const e = env as Partial<NodeExchange> | undefined;
  if (e?.incoming && e.outgoing && typeof e.incoming.on === 'function')
    (request as WithExchange)[EXCHANGE] = { incoming: e.incoming, outgoing: e.outgoing };
}

/**
 * A request header by name (any case), as `request.headers.get(name)` answers it (repeated
 * headers joined with `, `). Under @hono/node-server it is read from Node's raw header list:
 * asking the Request for `headers` builds a WHATWG Headers object per request, a measurable
 * share of a small call. The headers are the ones received (a middleware cannot change them).
 *
 * @example
 * headerOf(request, 'mcp-session-id'); // '0b6f…' or null
 */
export function headerOf(request: Request, name: string): string | null {
  const exchange = exchangeOf(request);
  return exchange ? nodeHeader(exchange.incoming, name) : request.headers.get(name);
}

/** A header of a Node.js request by name (any case), from its raw list (see {@link headerOf}). */
function nodeHeader(incoming: IncomingMessage, name: string): string | null {
  const raw = incoming.rawHeaders;
  const lower = name.toLowerCase(); // names are case-insensitive (Mcp-Param-{Name} keeps its case)
  let value: string | null = null;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i] as string;
    if (key.length === lower.length && key.toLowerCase() === lower)
      value = value === null ? (raw[i + 1] as string) : `${value}, ${raw[i + 1]}`;
  }
  return value;
}

/** Every request header, lower-case names, repeated ones joined with `, ` (see {@link headerOf}). */
export function headerRecordOf(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  const exchange = exchangeOf(request);
  if (!exchange) {
    request.headers.forEach((value, key) => (headers[key] = value));
    return headers;
  }
  const raw = exchange.incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const key = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

/** Reads one request header at a time (see {@link headerOf}): what the header checks take. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * A {@link HeaderReader} of `request`.
 *
 * @example
 * checkModernHeaders(headersOf(request), message, version);
 */
export function headersOf(request: Request): HeaderReader {
  return exchangeOf(request) ? { get: (name) => headerOf(request, name) } : request.headers;
}

/**
 * The Node.js exchange behind `request` whose body is still unread (a middleware that read the
 * body through the Request leaves the Request as the only way to it).
 */
export function nodeExchangeOf(request: Request): NodeExchange | undefined {
  const exchange = exchangeOf(request);
  return exchange && !exchange.incoming.readableDidRead ? exchange : undefined;
}

/**
 * Calls `onabort` once when the client goes away before the response is complete (the Node
 * response closes unfinished, or the Request's signal aborts); returns a function that stops
 * watching. Calls it at once if the client is already gone.
 */
export function onClientGone(request: Request, onabort: () => void): () => void {
  const exchange = exchangeOf(request);
  if (exchange) {
    if (exchange.outgoing.destroyed) {
      onabort();
      return () => undefined;
    }
    return watchNodeAbort(exchange.outgoing, onabort);
  }
  const signal = request.signal;
  if (!signal) return () => undefined;
  if (signal.aborted) {
    onabort();
    return () => undefined;
  }
  signal.addEventListener('abort', onabort, { once: true });
  return () => signal.removeEventListener('abort', onabort);
}

/**
 * The body of a Node.js request as text, or `undefined` as soon as it passes `limit` bytes (the
 * rest is read and dropped, so the client gets the 413 rather than a reset).
 *
 * A body with a `Content-Length` is whole once that many bytes came (Node's parser frames the
 * message by it): the text is resolved with the last `'data'` event, without waiting for
 * `'end'`, which comes ticks later (a measurable share of a small call).
 */
export function readNodeBody(
  incoming: IncomingMessage,
  limit: number,
): Promise<string | undefined> {
  const declared = nodeHeader(incoming, 'content-length');
  const expected = declared === null ? -1 : Number(declared);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let whole = false; // resolved with the last declared byte
    const text = () =>
      chunks.length === 1
        ? (chunks[0] as Buffer).toString('utf8')
        : Buffer.concat(chunks).toString('utf8');
    const ondata = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        if (size === expected) {
          whole = true;
          resolve(text());
        }
        return;
      }
      incoming.off('data', ondata);
      incoming.resume(); // keep draining, unbuffered
      resolve(undefined);
    };
    // `on`, not `once` (each event comes once; no wrapper per listener), and no 'error' listener:
    // a Node request emits 'error' only to listeners, then 'close', which is what ends the wait
    incoming.on('data', ondata);
    incoming.on('end', () => {
      if (!whole) resolve(size > limit ? undefined : text());
    });
    incoming.on('close', () => resolve(undefined)); // the client left mid-body: nobody to answer
  });
}

/** Calls `onabort` once if the Node response closes before it finished; returns a function that stops watching. */
export function watchNodeAbort(outgoing: ServerResponse, onabort: () => void): () => void {
  const onclose = () => {
    if (!outgoing.writableFinished) onabort();
  };
  outgoing.once('close', onclose);
  return () => outgoing.off('close', onclose);
}
