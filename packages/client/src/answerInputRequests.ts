import type { InputRequests, InputResponses } from '@typemcp/protocol';
import { MissingRequestHandlerError } from './errors/MissingRequestHandlerError';

/**
 * Answers one server-to-client request (sampling, elicitation, roots); the same function
 * answers a legacy server request and a modern input request.
 *
 * @example
 * const onRoots: ClientRequestHandler = () => ({ roots: [{ uri: 'file:///work' }] });
 */
export type ClientRequestHandler = (
  params: Record<string, unknown>,
  context: { signal: AbortSignal },
) => unknown;

/**
 * Answers the `inputRequests` of an `InputRequiredResult` with the client's handlers, the same
 * handlers that answer legacy server-to-client requests. A request with no handler fails with
 * {@link MissingRequestHandlerError}.
 *
 * @example
 * const inputResponses = await answerInputRequests(result.inputRequests, handlers, signal);
 */
export async function answerInputRequests(
  requests: InputRequests,
  handlers: ReadonlyMap<string, ClientRequestHandler>,
  signal: AbortSignal,
): Promise<InputResponses> {
  const entries = await Promise.all(
    Object.entries(requests).map(async ([key, request]) => {
      const handler = handlers.get(request.method);
      if (!handler) throw new MissingRequestHandlerError(request.method, key);
      const answer = await handler((request.params ?? {}) as Record<string, unknown>, { signal });
      return [key, answer] as const;
    }),
  );
  return Object.fromEntries(entries) as InputResponses;
}
