import { LocalMcpError } from '@typemcp/protocol';
import type { ProtocolEra } from '@typemcp/protocol';

/**
 * A method that the agreed protocol era does not have (e.g. `resources/subscribe` on a
 * 2026-07-28 server, `server/discover` on a legacy one). Raised before anything is sent.
 *
 * @example
 * await client.subscribeResource({ uri }); // modern era: UnsupportedInEraError
 */
export class UnsupportedInEraError extends LocalMcpError {
  override readonly name = 'UnsupportedInEraError';
  constructor(
    /** The method that was asked for. */
    readonly method: string,
    /** The era the client speaks with this server. */
    readonly era: ProtocolEra,
    hint?: string,
  ) {
    super(`${method} is not part of the ${era} protocol era${hint ? `: ${hint}` : ''}`);
  }
}
