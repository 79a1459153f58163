import { ErrorCode, McpError } from '@typemcp/protocol';
import type { InputRequests, InputResponses } from '@typemcp/protocol';

/** Answers one server-to-client request (sampling, elicitation, roots). */
export type ClientRequestHandler = (params: Record<string, unknown>, context: { signal: AbortSignal }) => unknown;

/**
 * Answers the `inputRequests` of an `InputRequiredResult` with the client's handlers, the same
 * handlers that answer legacy server-to-client requests.
 */
export async function answerInputRequests(
  requests: InputRequests,
  handlers: ReadonlyMap<string, ClientRequestHandler>,
  signal: AbortSignal,
): Promise<InputResponses> {
  const entries = await Promise.all(
    Object.entries(requests).map(async ([key, request]) => {
      const handler = handlers.get(request.method);
      if (!handler) {
        throw new McpError(
          ErrorCode.MethodNotFound,
          `The server asked for ${request.method} (input "${key}") but this client has no handler for it`,
        );
      }
      const answer = await handler((request.params ?? {}) as Record<string, unknown>, { signal });
      return [key, answer] as const;
    }),
  );
  return Object.fromEntries(entries) as InputResponses;
}
