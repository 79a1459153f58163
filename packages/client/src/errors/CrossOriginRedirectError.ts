import { LocalMcpError } from '@typemcp/protocol';

/**
 * The server redirected a request to another origin. Following it would send the body, the
 * `Mcp-Session-Id` and the credentials there, so it is refused. Client-local.
 *
 * @example
 * new StreamableHTTPClientTransport(url, { crossOriginRedirects: 'strip-credentials' }); // follow, without them
 */
export class CrossOriginRedirectError extends LocalMcpError {
  override readonly name = 'CrossOriginRedirectError';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(
      `The server at ${from} redirected to another origin (${to}); refused so the session id and credentials stay with ${from}. ` +
        "Point the transport at the final URL, or pass crossOriginRedirects: 'strip-credentials' to follow without them",
    );
  }
}
