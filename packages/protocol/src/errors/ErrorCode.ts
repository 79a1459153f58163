/**
 * The one table of JSON-RPC error codes MCP puts on the wire, across both protocol eras.
 *
 * @example
 * throw new McpError(ErrorCode.InvalidParams, 'Unknown tool: nope');
 */
export const ErrorCode = {
  /** Invalid JSON was received. */
  ParseError: -32700,
  /** The JSON sent is not a valid JSON-RPC request. */
  InvalidRequest: -32600,
  /** The method does not exist or is not offered (capability absent). */
  MethodNotFound: -32601,
  /** Invalid method parameters (unknown tool or prompt, bad cursor, missing `_meta` fields...). */
  InvalidParams: -32602,
  /** Internal error while handling the request. */
  InternalError: -32603,
  /** Resource not found: 2025-11-25 and earlier only (2026-07-28 uses -32602). */
  ResourceNotFound: -32002,
  /** URL-mode elicitation required: 2025-11-25 only. */
  UrlElicitationRequired: -32042,
  /** An HTTP header disagrees with the body, or a required one is missing (2026-07-28). */
  HeaderMismatch: -32020,
  /** The request needs a client capability the client did not declare (2026-07-28). */
  MissingRequiredClientCapability: -32021,
  /** The requested protocol version is not supported (2026-07-28). */
  UnsupportedProtocolVersion: -32022,
} as const;

/** A code from {@link ErrorCode}. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];
