import { ErrorCode } from '@typemcp/protocol';
import { errorResponse } from '../httpErrors';
import { headerOf } from '../nodeRequest';
import { hostAllowed } from './hostAllowed';
import { originAllowed } from './originAllowed';
import type { SecurityOptions } from './SecurityOptions';

/**
 * The checks every request passes before anything else, whatever its method: a present and
 * foreign `Origin`, or a `Host` that fails the DNS-rebinding check, is refused with 403.
 *
 * @example
 * const refused = guardRequest(request, options);
 * if (refused) return refused;
 */
export function guardRequest(request: Request, options: SecurityOptions): Response | undefined {
  const host = headerOf(request, 'host');
  if (!originAllowed(headerOf(request, 'origin'), host, options)) {
    return errorResponse(
      403,
      ErrorCode.InvalidRequest,
      'Forbidden: Origin not allowed (see the allowedOrigins option)',
    );
  }
  if (!hostAllowed(host, options)) {
    return errorResponse(
      403,
      ErrorCode.InvalidRequest,
      `Forbidden: Host ${JSON.stringify(host)} not allowed (see the allowedHosts and validateHost options)`,
    );
  }
  return undefined;
}
