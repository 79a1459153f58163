import { ErrorCode } from '@typemcp/protocol';
import { errorResponse } from '../httpErrors';
import { headerOf } from '../nodeRequest';

/** Whether the request's `Accept` header lists `type` (or a wildcard covering it). */
export function accepts(request: Request, type: string): boolean {
  return acceptHeaderLists(headerOf(request, 'accept'), type);
}

/** Whether an `Accept` header value lists `type` (or a wildcard covering it). */
function acceptHeaderLists(accept: string | null, type: string): boolean {
  if (accept === null) return false;
  return (
    accept.includes(type) ||
    accept.includes('*/*') ||
    accept.includes(`${type.slice(0, type.indexOf('/'))}/*`)
  );
}

/**
 * Content negotiation of a Streamable HTTP POST: the body must be `application/json` (else 415)
 * and `Accept` must list both `application/json` and `text/event-stream` (else 406), since the
 * server picks the reply's form.
 *
 * @example
 * const refused = checkPostHeaders(request);
 */
export function checkPostHeaders(request: Request): Response | undefined {
  const type = headerOf(request, 'content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return errorResponse(
      415,
      ErrorCode.InvalidRequest,
      'Unsupported Media Type: Content-Type must be application/json',
    );
  }
  const accept = headerOf(request, 'accept');
  if (
    !acceptHeaderLists(accept, 'application/json') ||
    !acceptHeaderLists(accept, 'text/event-stream')
  ) {
    return errorResponse(
      406,
      ErrorCode.InvalidRequest,
      'Not Acceptable: Accept must list application/json and text/event-stream',
    );
  }
  return undefined;
}
