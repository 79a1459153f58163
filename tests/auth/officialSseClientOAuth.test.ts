/**
 * The official 1.x client over the deprecated HTTP+SSE transport logs in and calls a tool. That
 * client insists the protected resource cover the `/sse` URL, so the server names its origin as
 * the resource (docs/auth.md, "HTTP+SSE clients").
 */
import 'reflect-metadata';
import { Hono } from 'hono';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import type {
  OAuthClientInformationMixed,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { authorizationServer, InMemoryOAuthProvider } from '@typemcp/auth';
import { mcpHonoApp } from '@typemcp/hono';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';
import { listenLate } from '../../packages/auth/test/support/listen';

@McpServer({ name: 'sse-oauth' })
class Api {
  @Tool()
  whoami(ctx: Context): string {
    return String(ctx.auth?.subject);
  }
}

const REDIRECT = 'http://127.0.0.1:1/callback';

it('logs in over HTTP+SSE (resource = the origin) and calls a tool', async () => {
  const oauth = new InMemoryOAuthProvider({
    approve: (request) => ({ subject: 'sse-user', scopes: request.scopes }),
  });
  const served = await listenLate((origin) =>
    new Hono()
      .route('/', authorizationServer({ provider: oauth, issuer: origin, resources: [origin] }))
      .route(
        '/',
        mcpHonoApp(createServer({ providers: [Api] }), {
          auth: { verifier: oauth, resource: origin, authorizationServers: [origin] },
        }),
      ),
  );
  let info: OAuthClientInformationMixed | undefined;
  let tokens: OAuthTokens | undefined;
  let verifier = '';
  let callback: URL | undefined;
  const provider: OAuthClientProvider = {
    get redirectUrl() {
      return REDIRECT;
    },
    get clientMetadata() {
      return { client_name: 'sse', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' };
    },
    clientInformation: () => info,
    saveClientInformation: (i) => void (info = i),
    tokens: () => tokens,
    saveTokens: (t) => void (tokens = t),
    redirectToAuthorization: async (url) => {
      callback = new URL(
        (await fetch(url, { redirect: 'manual' })).headers.get('location') as string,
      );
    },
    saveCodeVerifier: (v) => void (verifier = v),
    codeVerifier: () => verifier,
  };
  const url = new URL(`${served.origin}/sse`);
  try {
    const first = new SSEClientTransport(url, { authProvider: provider });
    expect(
      await new Client({ name: 'sse', version: '1' }).connect(first).catch((e: unknown) => e),
    ).toBeInstanceOf(UnauthorizedError);
    await first.finishAuth(callback?.searchParams.get('code') as string);
    const client = new Client({ name: 'sse', version: '1' });
    await client.connect(new SSEClientTransport(url, { authProvider: provider }));
    expect((await client.callTool({ name: 'whoami', arguments: {} })).content).toEqual([
      { type: 'text', text: 'sse-user' },
    ]);
    await client.close();
  } finally {
    await served.close();
  }
});
