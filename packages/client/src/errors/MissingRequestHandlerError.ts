import { LocalMcpError } from '@typemcp/protocol';

/**
 * A 2026-07-28 server asked for input (sampling, elicitation, roots) that this client has no
 * handler for. Client-local: the request fails here, nothing is sent back.
 *
 * @example
 * client.setRequestHandler('elicitation/create', async (params) => ({ action: 'decline' }));
 */
export class MissingRequestHandlerError extends LocalMcpError {
  override readonly name = 'MissingRequestHandlerError';
  constructor(
    /** The method the server asked for. */
    readonly method: string,
    /** The key of the input request. */
    readonly key: string,
  ) {
    super(
      `The server asked for ${method} (input "${key}") but this client has no handler for it: call client.setRequestHandler('${method}', ...)`,
    );
  }
}
