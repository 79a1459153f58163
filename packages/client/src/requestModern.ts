import type {
  ClientCapabilities,
  InputRequiredResult,
  RequestOptions,
  Session,
} from '@typemcp/protocol';
import { answerInputRequests } from './answerInputRequests';
import type { ClientRequestHandler } from './answerInputRequests';
import { checkResultType } from './checkResultType';
import { InvalidResultError } from './errors/InvalidResultError';

/** Methods whose result may be an `InputRequiredResult` (2026-07-28 multi round-trip requests). */
export const MULTI_ROUND_METHODS: ReadonlySet<string> = new Set([
  'tools/call',
  'prompts/get',
  'resources/read',
]);

/** What {@link requestModern} needs besides the request. */
export interface ModernRequestContext {
  /** The `_meta` every request of this client carries (version, capabilities, info, logLevel). */
  meta: Record<string, unknown>;
  /** The client's capabilities (which extension result types are acceptable). */
  capabilities: ClientCapabilities;
  /** Answer `inputRequests` (the same handlers as legacy server-to-client requests). */
  handlers: ReadonlyMap<string, ClientRequestHandler>;
  /** Most rounds before giving up. */
  maxRounds: number;
}

/**
 * Sends one 2026-07-28 request: its `_meta` added, its `resultType` checked, and an
 * `InputRequiredResult` answered and retried (a new id each round, `requestState` echoed
 * verbatim, only this round's `inputResponses` sent) until the result is complete.
 *
 * @example
 * const result = await requestModern(session, 'tools/call', { name: 'greet' }, {}, context);
 */
export async function requestModern<T>(
  session: Session,
  method: string,
  params: Record<string, unknown>,
  options: RequestOptions,
  context: ModernRequestContext,
): Promise<T> {
  const meta = { ...(params._meta as Record<string, unknown> | undefined), ...context.meta };
  let current = withMeta(params, meta);
  for (let round = 1; ; round++) {
    const result = await session.request<Record<string, unknown>>(method, current, options);
    const type = checkResultType(method, result, context.capabilities);
    if (type !== 'input_required') return result as T;
    if (!MULTI_ROUND_METHODS.has(method)) {
      throw new InvalidResultError(
        `The server answered ${method} with input_required, which only ${[...MULTI_ROUND_METHODS].join(', ')} may do`,
      );
    }
    if (round >= context.maxRounds) {
      throw new InvalidResultError(
        `${method} still needed input after ${context.maxRounds} rounds`,
      );
    }
    const input = result as InputRequiredResult;
    const next = withMeta(params, meta);
    if (input.inputRequests) {
      next.inputResponses = await answerInputRequests(
        input.inputRequests,
        context.handlers,
        options.signal ?? new AbortController().signal,
      );
    }
    if (input.requestState !== undefined) next.requestState = input.requestState;
    current = next;
  }
}

/**
 * `params` with its `_meta` replaced. Built from a literal that has `_meta` first: V8 (Node 20)
 * builds `{ ...params, _meta }` about ten times slower, and this runs on every modern request.
 */
function withMeta(
  params: Record<string, unknown>,
  meta: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { _meta: undefined, ...params };
  out._meta = meta;
  return out;
}
