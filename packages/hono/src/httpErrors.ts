import { ErrorCode } from '@typemcp/protocol';
import type { RequestId } from '@typemcp/protocol';

/** A JSON-RPC error as an HTTP response: always JSON, never HTML, never a stack. */
export function errorResponse(status: number, code: number, message: string, id?: RequestId, data?: unknown, headers: Record<string, string> = {}): Response {
  const error: Record<string, unknown> = { code, message };
  if (data !== undefined) error.data = data;
  const body: Record<string, unknown> = { jsonrpc: '2.0' };
  if (id !== undefined) body.id = id;
  body.error = error;
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** HTTP status of a modern (2026-07-28) JSON-RPC error from the dispatcher. */
export function modernStatusFor(code: number): number {
  switch (code) {
    case ErrorCode.MethodNotFound:
      return 404;
    case ErrorCode.HeaderMismatch:
    case ErrorCode.MissingRequiredClientCapability:
    case ErrorCode.UnsupportedProtocolVersion:
    case ErrorCode.ParseError:
    case ErrorCode.InvalidRequest:
      return 400;
    default:
      return 200;
  }
}

/** A JSON body response. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
