/**
 * The official v2 client, pinned to the stateless 2026-07-28 protocol, logs in to the built-in
 * authorization server and calls a protected tool over real HTTP: OAuth in the modern era too
 * (including the RFC 9207 `iss` check that revision requires).
 */
import 'reflect-metadata';
import {
  Client as V2Client,
  StreamableHTTPClientTransport as V2Http,
} from '@modelcontextprotocol/client';
import type { OAuthClientProvider } from '@modelcontextprotocol/client';
import { Context, McpServer, Tool } from '@typemcp/server';
import { startAsAndMcp } from '../../packages/auth/test/support/asFixture';

@McpServer({ name: 'v2-oauth' })
class Api {
  @Tool()
  whoami(ctx: Context): string {
    return `${ctx.auth?.subject} ${ctx.protocolVersion}`;
  }
}

const REDIRECT = 'http://127.0.0.1:1/callback';

it('logs in and calls a tool, stateless', async () => {
  const served = await startAsAndMcp(Api);
  let info: unknown;
  let tokens: unknown;
  let verifier = '';
  let callback: URL | undefined;
  const provider = {
    get redirectUrl() {
      return REDIRECT;
    },
    get clientMetadata() {
      return { client_name: 'v2', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' };
    },
    clientInformation: () => info,
    saveClientInformation: (i: unknown) => void (info = i),
    tokens: () => tokens,
    saveTokens: (t: unknown) => void (tokens = t),
    redirectToAuthorization: async (url: URL) => {
      callback = new URL(
        (await fetch(url, { redirect: 'manual' })).headers.get('location') as string,
      );
    },
    saveCodeVerifier: (v: string) => void (verifier = v),
    codeVerifier: () => verifier,
  } as unknown as OAuthClientProvider;
  const url = new URL(`${served.origin}/mcp`);
  try {
    const first = new V2Http(url, { authProvider: provider });
    const client = new V2Client(
      { name: 'v2', version: '2' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    const outcome = await client.connect(first).catch((e: unknown) => e);
    if (outcome) {
      expect(callback?.searchParams.get('iss')).toBe(served.origin);
      await first.finishAuth(callback?.searchParams as URLSearchParams);
    }
    const again = new V2Client(
      { name: 'v2', version: '2' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    await again.connect(new V2Http(url, { authProvider: provider }));
    const result = await again.callTool({ name: 'whoami', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'demo-user 2026-07-28' }]);
    await again.close();
  } finally {
    await served.close();
  }
});
