import type { OAuthClientProvider } from './OAuthClientProvider';
import { OAuthFlowError } from './OAuthFlowError';
import { OAuthHandler } from './OAuthHandler';
import { parseBearerChallenge } from './wwwAuthenticate';

/**
 * A fetch that speaks OAuth to one MCP server: it adds the bearer token, and on 401 (or 403
 * `insufficient_scope`) obtains a token through the provider and sends the request again, at most
 * `maxAttempts` times. The HTTP client transports use it when given `authProvider`.
 *
 * @example
 * const authed = withOAuth(new URL('https://mcp.example.com/mcp'), provider);
 * await client.connect(new StreamableHTTPClientTransport(url, { fetch: authed }));
 */
export function withOAuth(
  serverUrl: URL,
  provider: OAuthClientProvider,
  baseFetch: typeof fetch = fetch,
): typeof fetch {
  const handler = new OAuthHandler(serverUrl, provider, baseFetch);
  const maxAttempts = provider.maxAttempts ?? 2;
  const authedFetch = async (
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const headers = new Headers(init.headers);
      const authorization = await handler.authorization();
      if (authorization) headers.set('authorization', authorization);
      const response = await baseFetch(input, { ...init, headers });
      const challenge = parseBearerChallenge(response.headers.get('www-authenticate'));
      const stepUp = response.status === 403 && challenge?.error === 'insufficient_scope';
      if (response.status !== 401 && !stepUp) return response;
      if (attempt >= maxAttempts) {
        if (attempt > 0)
          throw new OAuthFlowError(
            `The server still refuses after ${attempt} authorization(s) (HTTP ${response.status}${challenge?.errorDescription ? `: ${challenge.errorDescription}` : ''})`,
            challenge?.error,
          );
        return response;
      }
      await response.body?.cancel();
      await handler.authorize(challenge, stepUp);
    }
  };
  return authedFetch as typeof fetch;
}
