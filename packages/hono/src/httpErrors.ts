import { ErrorCode } from '@typemcp/protocol';
import type { RequestId } from '@typemcp/protocol';
import { reply } from './reply';

/**
 * HTTP status of a JSON-RPC error code, the one table of the engine. Codes not listed answer
 * `fallback`: 400 for a request refused before it reached a handler, 200 (an error inside a
 * successful HTTP exchange) for an error a handler returned.
 */
const STATUS_OF_CODE: Readonly<Record<number, number>> = {
  [ErrorCode.ParseError]: 400,
  [ErrorCode.InvalidRequest]: 400,
  [ErrorCode.MethodNotFound]: 404,
  [ErrorCode.HeaderMismatch]: 400,
  [ErrorCode.MissingRequiredClientCapability]: 400,
  [ErrorCode.UnsupportedProtocolVersion]: 400,
};

/**
 * The HTTP status that carries a JSON-RPC error code (2026-07-28 Streamable HTTP: -32601 → 404,
 * -32020/-32021/-32022 → 400).
 *
 * @example
 * httpStatusOf(-32601, 200); // 404
 * httpStatusOf(-32602, 400); // 400: refused before the handler
 */
export function httpStatusOf(code: number, fallback: 200 | 400): number {
  return STATUS_OF_CODE[code] ?? fallback;
}

/**
 * A JSON-RPC error as an HTTP response: always JSON, never HTML, never a stack.
 *
 * @example
 * return errorResponse(415, ErrorCode.InvalidRequest, 'Unsupported Media Type');
 */
export function errorResponse(
  status: number,
  code: number,
  message: string,
  id?: RequestId,
  data?: unknown,
  headers: Record<string, string> = {},
): Response {
  const error: Record<string, unknown> = { code, message };
  if (data !== undefined) error.data = data;
  const body: Record<string, unknown> = { jsonrpc: '2.0' };
  if (id !== undefined) body.id = id;
  body.error = error;
  return jsonResponse(body, status, headers);
}

/**
 * A JSON body response.
 *
 * @example
 * return jsonResponse({ jsonrpc: '2.0', id: 1, result: {} });
 */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): Response {
  // a fresh headers object each time: @hono/node-server may write into the one it is given
  return reply(JSON.stringify(body), status, { 'content-type': 'application/json', ...headers });
}
