import { ErrorCode } from '@typemcp/protocol';
import { errorResponse } from '../httpErrors';
import { headerOf } from '../nodeRequest';

/** Whether the request's `Accept` header lists `type` (or a wildcard covering it). */
export function accepts(request: Request, type: string): boolean {
  const accept = headerOf(request, 'accept');
  if (accept === null) return false;
  return (
    accept.includes(type) || accept.includes('*/*') || accept.includes(`${type.split('/')[0]}/*`)
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
  if (!accepts(request, 'application/json') || !accepts(request, 'text/event-stream')) {
    return errorResponse(
      406,
      ErrorCode.InvalidRequest,
      'Not Acceptable: Accept must list application/json and text/event-stream',
    );
  }
  return undefined;
}
