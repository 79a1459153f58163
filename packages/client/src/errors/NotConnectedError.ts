import { LocalMcpError } from '@typemcp/protocol';

/**
 * A method was called before `connect()` or after the connection closed. Client-local.
 *
 * @example
 * const client = new Client({ name: 'app', version: '1' });
 * await client.listTools(); // rejects with NotConnectedError
 */
export class NotConnectedError extends LocalMcpError {
  override readonly name = 'NotConnectedError';
  constructor() {
    super('The client is not connected: call connect(transport) first');
  }
}
