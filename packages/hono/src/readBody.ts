import { ErrorCode, validateMessage } from '@typemcp/protocol';
import type { JSONRPCMessage } from '@typemcp/protocol';
import { errorResponse } from './httpErrors';
import { nodeExchangeOf, readNodeBody } from './nodeRequest';

/**
 * Reads one JSON-RPC message from a request body: over the limit → 413, not JSON → 400 -32700,
 * not JSON-RPC → 400 -32600 (each as a JSON-RPC error response). A 413 carries
 * `Connection: close`: the rest of the body may be unread, so the connection cannot be reused.
 */
export async function readMessage(
  request: Request,
  limit: number,
): Promise<JSONRPCMessage | Response> {
  const text = await readBody(request, limit);
  if (text === undefined) {
    const data = { limit: 'maxBodyBytes', value: limit };
    const message = `Payload Too Large: the body exceeds ${limit} bytes (raise the maxBodyBytes option)`;
    return errorResponse(413, ErrorCode.InvalidRequest, message, undefined, data, {
      connection: 'close',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return errorResponse(400, ErrorCode.ParseError, 'Parse error: invalid JSON');
  }
  const decoded = validateMessage(parsed);
  if (!decoded.ok)
    return new Response(JSON.stringify(decoded.response), {
      status: 400,
      headers: { 'content-type': 'application/json' },
    });
  return decoded.message;
}

/** The request body as text, or `undefined` when it exceeds `limit` bytes (the rest is drained). */
export function readBody(request: Request, limit: number): Promise<string | undefined> {
  const node = nodeExchangeOf(request);
  // no WHATWG Request built, and no async layer of its own: the fast path
  return node ? readNodeBody(node.incoming, limit) : readWebBody(request, limit);
}

/** {@link readBody} from the Request's web stream (any runtime but Node's). */
async function readWebBody(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await drain(request, limit * 4);
    return undefined;
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and drops up to `max` bytes so the client gets our answer instead of a reset. */
async function drain(request: Request, max: number): Promise<void> {
  if (!request.body) return;
  const reader = request.body.getReader();
  let size = 0;
  try {
    while (size < max) {
      const { value, done } = await reader.read();
      if (done) return;
      size += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // the client went away
  }
}
