/**
 * The TypeMCP client's OAuth (SPEC.md 4.2) against the built-in authorization server and a
 * protected endpoint over real HTTP: discovery from the 401, dynamic registration, PKCE with state
 * and `iss` checks, token, refresh (proactive and after a 401), step-up on 403, client_credentials
 * with a secret, the file store, the HTTP+SSE transport, and bounded retries.
 */
import 'reflect-metadata';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Client,
  FileTokenStore,
  HttpClientTransport,
  InMemoryTokenStore,
  SSEClientTransport,
} from '@typemcp/client';
import type { OAuthClientProvider } from '@typemcp/client';
import { Context, McpServer, Tool } from '@typemcp/server';
import { startAsAndMcp } from '../../packages/auth/test/support/asFixture';

@McpServer({ name: 'client-oauth' })
class Api {
  @Tool()
  whoami(ctx: Context): string {
    return `${ctx.auth?.subject} [${ctx.auth?.scopes?.join(' ')}]`;
  }

  @Tool({ scopes: ['admin'] })
  admin_only(): string {
    return 'admin ok';
  }
}

const REDIRECT = 'http://127.0.0.1:1/callback';

/** A provider whose "browser" follows the authorization URL and returns where it was sent. */
function browserProvider(
  extra: Partial<OAuthClientProvider> = {},
): OAuthClientProvider & { visits: URL[] } {
  const visits: URL[] = [];
  return {
    visits,
    clientMetadata: {
      client_name: 'typemcp-test',
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none',
    },
    redirectToAuthorization: async (url) => {
      visits.push(url);
      const response = await fetch(url, { redirect: 'manual' });
      return response.headers.get('location') as string;
    },
    store: new InMemoryTokenStore(),
    ...extra,
  };
}

async function connect(origin: string, provider: OAuthClientProvider): Promise<Client> {
  const client = new Client({ name: 'typemcp-oauth-test', version: '1.0.0' });
  await client.connect(
    new HttpClientTransport(new URL(`${origin}/mcp`), { authProvider: provider }),
  );
  return client;
}

const text = (result: { content: unknown[] }) => (result.content[0] as { text: string }).text;

describe('against the built-in authorization server', () => {
  let served: Awaited<ReturnType<typeof startAsAndMcp>>;
  beforeAll(async () => (served = await startAsAndMcp(Api)));
  afterAll(() => served.close());

  it('logs in on the first 401 (PRM → AS metadata → DCR → PKCE → token) and calls tools', async () => {
    const provider = browserProvider();
    const client = await connect(served.origin, provider);
    expect(text(await client.callTool({ name: 'whoami', arguments: {} }))).toBe('demo-user [mcp]');
    const asked = provider.visits[0].searchParams;
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('resource')).toBe(`${served.origin}/mcp`);
    expect(asked.get('scope')).toBe('mcp');
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['whoami']);
    await client.close();
  });

  it('steps up on 403 insufficient_scope: a new authorization for the union of scopes', async () => {
    const provider = browserProvider();
    const client = await connect(served.origin, provider);
    expect(text(await client.callTool({ name: 'admin_only', arguments: {} }))).toBe('admin ok');
    expect(provider.visits.map((u) => u.searchParams.get('scope'))).toEqual(['mcp', 'mcp admin']);
    expect(text(await client.callTool({ name: 'whoami', arguments: {} }))).toBe(
      'demo-user [mcp admin]',
    );
    await client.close();
  });

  it('after its access token is revoked, refreshes (no new login) and goes on', async () => {
    const store = new InMemoryTokenStore();
    const provider = browserProvider({ store });
    const client = await connect(served.origin, provider);
    const before = (await store.get(served.origin))?.tokens;
    const revoke = await fetch(`${served.origin}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: before?.access_token as string,
        client_id: (await store.get(served.origin))?.client?.client_id as string,
      }),
    });
    expect(revoke.status).toBe(200);
    expect(text(await client.callTool({ name: 'whoami', arguments: {} }))).toBe('demo-user [mcp]');
    const after = (await store.get(served.origin))?.tokens;
    expect(after?.access_token).not.toBe(before?.access_token);
    expect(after?.refresh_token).not.toBe(before?.refresh_token);
    expect(provider.visits).toHaveLength(1);
    await client.close();
  });

  it('keeps credentials in a file (mode 0600) keyed by issuer, and a second run needs no login', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'typemcp-oauth-')), 'tokens.json');
    const first = browserProvider({ store: new FileTokenStore(path) });
    await (await connect(served.origin, first)).close();
    expect(Object.keys(JSON.parse(await readFile(path, 'utf8')))).toEqual([served.origin]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const second = browserProvider({ store: new FileTokenStore(path) });
    const client = await connect(served.origin, second);
    // the stored token is used once discovery has run again (after the first 401)
    expect(text(await client.callTool({ name: 'whoami', arguments: {} }))).toBe('demo-user [mcp]');
    expect(second.visits).toHaveLength(0);
    await client.close();
  });

  it('registers again when the stored registration is for another redirect URI (an earlier loopback port)', async () => {
    const store = new InMemoryTokenStore();
    await store.set(served.origin, {
      client: { client_id: 'stale', redirect_uris: ['http://127.0.0.1:2/callback'] },
    });
    const provider = browserProvider({ store });
    const client = await connect(served.origin, provider);
    expect(provider.visits[0].searchParams.get('client_id')).not.toBe('stale');
    expect((await store.get(served.origin))?.client?.redirect_uris).toEqual([REDIRECT]);
    await client.close();
  });

  it('works over the HTTP+SSE transport', async () => {
    const client = new Client({ name: 'sse', version: '1.0.0' }, { mode: 'legacy' });
    await client.connect(
      new SSEClientTransport(new URL(`${served.origin}/sse`), { authProvider: browserProvider() }),
    );
    expect(text(await client.callTool({ name: 'whoami', arguments: {} }))).toBe('demo-user [mcp]');
    await client.close();
  });

  it('client_credentials with a client secret', async () => {
    const registered = await fetch(`${served.origin}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: 'robot',
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: 'mcp',
      }),
    });
    const { client_id, client_secret } = (await registered.json()) as {
      client_id: string;
      client_secret: string;
    };
    const client = await connect(served.origin, {
      clientMetadata: {},
      clientCredentials: { clientId: client_id, clientSecret: client_secret },
    });
    expect(text(await client.callTool({ name: 'whoami', arguments: {} }))).toBe(
      `${client_id} [mcp]`,
    );
    await client.close();
  });

  it('refuses an authorization response from another issuer (RFC 9207) or with another state', async () => {
    for (const tamper of [
      (u: URL) => u.searchParams.set('iss', 'https://evil.example'),
      (u: URL) => u.searchParams.set('state', 'forged'),
    ]) {
      const provider = browserProvider();
      const follow = provider.redirectToAuthorization as (url: URL) => Promise<string>;
      provider.redirectToAuthorization = async (url) => {
        const back = new URL(await follow(url));
        tamper(back);
        return back;
      };
      const client = new Client({ name: 't', version: '1' });
      await expect(
        client.connect(
          new HttpClientTransport(new URL(`${served.origin}/mcp`), { authProvider: provider }),
        ),
      ).rejects.toThrow(/came from https:\/\/evil\.example|carry the state/);
    }
  });
});

it('a server that keeps refusing: bounded attempts, then OAuthFlowError', async () => {
  const served = await startAsAndMcp(Api, {}, { approve: () => ({ subject: 'u', scopes: [] }) });
  try {
    const provider = browserProvider();
    const client = new Client({ name: 't', version: '1' });
    const error = await client
      .connect(new HttpClientTransport(new URL(`${served.origin}/mcp`), { authProvider: provider }))
      .catch((e: unknown) => e);
    expect(String(error)).toMatch(/still refuses after 2 authorization/);
    expect(provider.visits).toHaveLength(2);
  } finally {
    await served.close();
  }
});
