import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { createServer } from '@typemcp/server';
import type { ClassType } from '@typemcp/server';
import { mcpHonoApp } from '@typemcp/hono';
import { authorizationServer, InMemoryOAuthProvider } from '@typemcp/auth';
import type { AuthorizationServerOptions, InMemoryOAuthProviderOptions } from '@typemcp/auth';
import { listenLate } from './listen';

/** A PKCE verifier and its S256 challenge. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The built-in authorization server and a protected MCP endpoint on one origin. */
export async function startAsAndMcp(
  provider: ClassType,
  extra: Partial<AuthorizationServerOptions> = {},
  providerOptions: Partial<InMemoryOAuthProviderOptions> = {},
) {
  const oauth = new InMemoryOAuthProvider({
    approve: (request) => ({ subject: 'demo-user', scopes: request.scopes }),
    ...providerOptions,
  });
  const served = await listenLate((origin) => {
    const app = new Hono();
    app.route(
      '/',
      authorizationServer({
        provider: oauth,
        issuer: origin,
        scopesSupported: ['mcp', 'admin'],
        resources: [`${origin}/mcp`],
        registration: { defaultScopes: ['mcp'] },
        ...extra,
      }),
    );
    app.route(
      '/',
      mcpHonoApp(createServer({ providers: [provider] }), {
        enableJsonResponse: true,
        auth: {
          verifier: oauth,
          resource: `${origin}/mcp`,
          authorizationServers: [origin],
          requiredScopes: ['mcp'],
        },
      }),
    );
    return app;
  });
  return { ...served, oauth };
}

/** A form POST. */
export function form(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
