import { ErrorCode } from '../errors/ErrorCode';
import type { JSONRPCErrorResponse, JSONRPCMessage, RequestId } from './messages';

/** What {@link decodeMessage} made of some bytes: a message, or the error response to send back. */
export type DecodeResult =
  { ok: true; message: JSONRPCMessage } | { ok: false; response: JSONRPCErrorResponse };

function isId(value: unknown): value is RequestId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
}

function fail(code: number, message: string, id?: unknown): DecodeResult {
  const response: JSONRPCErrorResponse = { jsonrpc: '2.0', error: { code, message } };
  if (isId(id)) response.id = id;
  return { ok: false, response };
}

/**
 * Checks that a parsed JSON value is one JSON-RPC 2.0 message as MCP allows it.
 * Not JSON-RPC → -32600 (with the id when it could be read).
 */
export function validateMessage(value: unknown): DecodeResult {
  if (Array.isArray(value)) {
    return fail(ErrorCode.InvalidRequest, 'Invalid Request: JSON-RPC batches are not supported');
  }
  if (typeof value !== 'object' || value === null) {
    return fail(ErrorCode.InvalidRequest, 'Invalid Request: a JSON-RPC message must be an object');
  }
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') {
    return fail(ErrorCode.InvalidRequest, 'Invalid Request: "jsonrpc" must be "2.0"', m.id);
  }
  const hasId = 'id' in m;
  if ('method' in m) {
    if (typeof m.method !== 'string') {
      return fail(ErrorCode.InvalidRequest, 'Invalid Request: "method" must be a string', m.id);
    }
    if (hasId && !isId(m.id)) {
      return fail(
        ErrorCode.InvalidRequest,
        'Invalid Request: "id" must be a string or an integer (never null)',
      );
    }
    if (
      'params' in m &&
      (typeof m.params !== 'object' || m.params === null || Array.isArray(m.params))
    ) {
      return fail(ErrorCode.InvalidRequest, 'Invalid Request: "params" must be an object', m.id);
    }
    return { ok: true, message: value as JSONRPCMessage };
  }
  if ('result' in m || 'error' in m) {
    if ('result' in m && 'error' in m) {
      return fail(
        ErrorCode.InvalidRequest,
        'Invalid Request: a response has "result" or "error", not both',
      );
    }
    if ('result' in m && (!isId(m.id) || typeof m.result !== 'object' || m.result === null)) {
      return fail(
        ErrorCode.InvalidRequest,
        'Invalid Request: a result response needs an id and an object result',
      );
    }
    if ('error' in m) {
      const e = m.error as Record<string, unknown> | null;
      if (
        typeof e !== 'object' ||
        e === null ||
        typeof e.code !== 'number' ||
        typeof e.message !== 'string'
      ) {
        return fail(
          ErrorCode.InvalidRequest,
          'Invalid Request: "error" needs a numeric code and a message',
        );
      }
      if (hasId && m.id !== null && !isId(m.id)) {
        return fail(ErrorCode.InvalidRequest, 'Invalid Request: bad response id');
      }
      if (m.id === null) delete m.id;
    }
    return { ok: true, message: value as JSONRPCMessage };
  }
  return fail(
    ErrorCode.InvalidRequest,
    'Invalid Request: not a request, notification or response',
    m.id,
  );
}

/**
 * Decodes one JSON text into a JSON-RPC message. Invalid JSON → -32700; JSON that is not a
 * JSON-RPC message → -32600. The caller sends `response` back and keeps serving.
 *
 * @example
 * const r = decodeMessage(line);
 * if (r.ok) session.receive(r.message); else transport.send(r.response);
 */
export function decodeMessage(text: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(ErrorCode.ParseError, 'Parse error: invalid JSON');
  }
  return validateMessage(value);
}
