import { LocalMcpError } from '@typemcp/protocol';

/** The client could not agree on a protocol version or era with the server. */
export class ProtocolNegotiationError extends LocalMcpError {
  override readonly name = 'ProtocolNegotiationError';
}

/** The server's result is malformed (e.g. an unknown `resultType`). */
export class InvalidResultError extends LocalMcpError {
  override readonly name = 'InvalidResultError';
}

/** A method was called before connect() or on a closed client. */
export class NotConnectedError extends LocalMcpError {
  override readonly name = 'NotConnectedError';
  constructor() {
    super('The client is not connected: call connect(transport) first');
  }
}
