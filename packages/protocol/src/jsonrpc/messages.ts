/** A JSON-RPC request id: string or integer, never `null` in MCP. */
export type RequestId = string | number;

/** Params of a JSON-RPC request or notification: always an object in MCP. */
export type JSONRPCParams = { [key: string]: unknown };

/** A JSON-RPC 2.0 request: expects exactly one response with the same `id`. */
export interface JSONRPCRequest {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params?: JSONRPCParams;
}

/** A JSON-RPC 2.0 notification: no `id`, never answered. */
export interface JSONRPCNotification {
  jsonrpc: '2.0';
  method: string;
  params?: JSONRPCParams;
}

/** A successful JSON-RPC 2.0 response. */
export interface JSONRPCResultResponse {
  jsonrpc: '2.0';
  id: RequestId;
  result: { [key: string]: unknown };
}

/** The `error` member of a JSON-RPC error response. */
export interface JSONRPCErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/**
 * A JSON-RPC 2.0 error response. `id` is absent when the request's id could not be read
 * (MCP schema: `id?: RequestId`).
 */
export interface JSONRPCErrorResponse {
  jsonrpc: '2.0';
  id?: RequestId;
  error: JSONRPCErrorObject;
}

/** A JSON-RPC response, successful or not. */
export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse;

/** Any JSON-RPC 2.0 message MCP exchanges. */
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse;

/** True for a request (has `method` and `id`). */
export function isJSONRPCRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return 'method' in message && 'id' in message;
}

/** True for a notification (has `method`, no `id`). */
export function isJSONRPCNotification(message: JSONRPCMessage): message is JSONRPCNotification {
  return 'method' in message && !('id' in message);
}

/** True for a response, successful or not. */
export function isJSONRPCResponse(message: JSONRPCMessage): message is JSONRPCResponse {
  return !('method' in message);
}

/** True for an error response. */
export function isJSONRPCErrorResponse(message: JSONRPCMessage): message is JSONRPCErrorResponse {
  return 'error' in message && !('method' in message);
}
