import { ErrorCode } from '@typemcp/protocol';
import type { RequestId } from '@typemcp/protocol';
import { errorResponse } from '../httpErrors';

/** The limits of the HTTP engine (each an option of `McpHttpOptions`). */
export type LimitName =
  'maxSessions' | 'maxSseStreams' | 'maxSseStreamsPerSession' | 'maxInflightPerSession';

const WHAT: Record<LimitName, string> = {
  maxSessions: 'Too many sessions',
  maxSseStreams: 'Too many open SSE streams on this server',
  maxSseStreamsPerSession: 'Too many open SSE streams in this session',
  maxInflightPerSession: 'Too many requests in flight in this session',
};

/**
 * The refusal of a request that would exceed a limit: 503 for a server-wide limit
 * (`maxSessions`, `maxSseStreams`), 429 for one session's (`maxSseStreamsPerSession`,
 * `maxInflightPerSession`), with `Retry-After` and a JSON-RPC error (-32603) whose message and
 * `data` name the option to raise.
 *
 * @example
 * return limitResponse('maxInflightPerSession', 100, message.id);
 */
export function limitResponse(
  limit: LimitName,
  value: number,
  id?: RequestId,
  retryAfterSeconds = 1,
): Response {
  const status = limit === 'maxSessions' || limit === 'maxSseStreams' ? 503 : 429;
  const advice =
    limit === 'maxInflightPerSession'
      ? 'wait for replies'
      : limit === 'maxSessions'
        ? 'end idle sessions'
        : 'close a stream';
  return errorResponse(
    status,
    ErrorCode.InternalError,
    `${WHAT[limit]} (${limit} = ${value}): ${advice} and retry, or raise the ${limit} option`,
    id,
    { limit, value },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/**
 * The refusal of new work once a graceful shutdown began: 503, `Connection: close`, a JSON-RPC
 * error; requests already accepted still get their replies.
 *
 * @example
 * if (draining && isNewWork(request)) return shuttingDownResponse(message.id);
 */
export function shuttingDownResponse(id?: RequestId): Response {
  return errorResponse(
    503,
    ErrorCode.InternalError,
    'Server is shutting down: retry on another instance',
    id,
    undefined,
    { connection: 'close' },
  );
}
