import type { RequestId } from '../jsonrpc/messages';

/**
 * Base of SDK-local failures: never received from the peer and never sent on the wire,
 * so they cannot be mistaken for a peer's JSON-RPC error.
 */
export class LocalMcpError extends Error {}

/** An outgoing request got no response in time. */
export class RequestTimeoutError extends LocalMcpError {
  override readonly name = 'RequestTimeoutError';
  constructor(
    readonly method: string,
    readonly requestId: RequestId,
    readonly timeoutMs: number,
  ) {
    super(`Request ${method} (id ${requestId}) timed out after ${timeoutMs} ms`);
  }
}

/** The connection closed while a request was waiting for its response. */
export class ConnectionClosedError extends LocalMcpError {
  override readonly name = 'ConnectionClosedError';
  constructor(detail = 'Connection closed') {
    super(detail);
  }
}

/** An outgoing request was cancelled through its AbortSignal. */
export class RequestCancelledError extends LocalMcpError {
  override readonly name = 'RequestCancelledError';
  constructor(
    readonly method: string,
    readonly reason: unknown,
  ) {
    super(`Request ${method} was cancelled${typeof reason === 'string' ? `: ${reason}` : ''}`);
  }
}
