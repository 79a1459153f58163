import { LocalMcpError } from '@typemcp/protocol';

/**
 * The server's result is malformed (e.g. an unknown `resultType`, or structured content that
 * breaks the tool's `outputSchema`). Client-local, never sent on the wire.
 *
 * @example
 * await expect(client.listTools()).rejects.toBeInstanceOf(InvalidResultError);
 */
export class InvalidResultError extends LocalMcpError {
  override readonly name = 'InvalidResultError';
}
