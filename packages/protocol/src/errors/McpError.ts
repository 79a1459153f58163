import type { JSONRPCErrorObject } from '../jsonrpc/messages';

/**
 * The one error class that crosses the wire: a JSON-RPC error with a code from
 * {@link ErrorCode}, a message and optional data. Any other thrown value becomes -32603.
 *
 * @example
 * throw new McpError(ErrorCode.InvalidParams, 'Unknown prompt: nope');
 */
export class McpError extends Error {
  override readonly name = 'McpError';

  constructor(
    /** The JSON-RPC error code. */
    readonly code: number,
    message: string,
    /** Extra data sent as `error.data`. */
    readonly data?: unknown,
  ) {
    super(message);
  }

  /** The `error` member of a JSON-RPC error response. */
  toJSON(): JSONRPCErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }

  /** Rebuilds an error received from the peer. */
  static fromError(error: JSONRPCErrorObject): McpError {
    return new McpError(error.code, error.message, error.data);
  }
}
