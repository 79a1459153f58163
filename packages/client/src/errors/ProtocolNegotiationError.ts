import { LocalMcpError } from '@typemcp/protocol';

/**
 * The client could not agree on a protocol era or version with the server. Client-local: it
 * never came from the server, so it cannot be mistaken for a JSON-RPC error.
 *
 * @example
 * try {
 *   await client.connect(transport);
 * } catch (error) {
 *   if (error instanceof ProtocolNegotiationError) console.error('incompatible server:', error.message);
 * }
 */
export class ProtocolNegotiationError extends LocalMcpError {
  override readonly name = 'ProtocolNegotiationError';
}
