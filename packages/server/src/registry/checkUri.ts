import { ErrorCode, McpError } from '@typemcp/protocol';

/**
 * The longest resource URI accepted by `resources/read`, `resources/subscribe` and
 * `resources/unsubscribe` (65 536 characters; the official TypeScript SDK allows 1 MB). Template
 * matching is linear in the URI's length, so this only keeps one request's work and a
 * subscription set small.
 *
 * @example
 * if (uri.length > MAX_URI_LENGTH) throw new Error('too long for resources/read');
 */
export const MAX_URI_LENGTH = 65_536;

/** The URI of a `resources/*` request, or -32602 when it is not a string or is too long. */
export function checkUri(method: string, uri: unknown): string {
  if (typeof uri !== 'string')
    throw new McpError(ErrorCode.InvalidParams, `${method}: "uri" must be a string`);
  if (uri.length > MAX_URI_LENGTH) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `${method}: the URI is ${uri.length} characters long, over the limit of ${MAX_URI_LENGTH}`,
      {
        limit: 'maxUriLength',
        value: MAX_URI_LENGTH,
      },
    );
  }
  return uri;
}
