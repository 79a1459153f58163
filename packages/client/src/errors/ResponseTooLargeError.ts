import { LocalMcpError } from '@typemcp/protocol';

/**
 * A server's reply (a JSON body, or one SSE event) exceeded the client's limit; the body was
 * not read further. Client-local.
 *
 * @example
 * new StreamableHTTPClientTransport(url, { maxResponseBytes: 64 * 1024 * 1024 }); // raise it
 */
export class ResponseTooLargeError extends LocalMcpError {
  override readonly name = 'ResponseTooLargeError';
  constructor(
    /** `maxResponseBytes` or `maxSseEventBytes`. */
    readonly limit: 'maxResponseBytes' | 'maxSseEventBytes',
    readonly value: number,
  ) {
    super(
      `The server's ${limit === 'maxResponseBytes' ? 'reply' : 'SSE event'} exceeds ${value} bytes: raise the ${limit} option of the transport if it is legitimate`,
    );
  }
}
