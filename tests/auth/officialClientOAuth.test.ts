/**
 * The official @modelcontextprotocol/sdk 1.x client's OAuth support drives apps/auth (a real child
 * process on 127.0.0.1) end to end: 401 → protected resource metadata → authorization server
 * metadata → dynamic registration → PKCE authorization (auto-approved) → token → tool call →
 * refresh after the access token is revoked → step-up on 403 for the admin scope. SPEC.md 4.1-4.3.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { ensureBuilt } from '../support/ensureBuilt';
import { tsNodeCommand } from '../support/spawnTs';

jest.setTimeout(90_000);

const REDIRECT = 'http://127.0.0.1:1/callback'; // never contacted: the test reads the Location header

/** An SDK OAuthClientProvider whose "browser" follows the authorization URL with fetch. */
class TestProvider implements OAuthClientProvider {
  info?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = '';
  lastCallback?: URL;
  authorizations: URL[] = [];
  get redirectUrl(): string {
    return REDIRECT;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'official-sdk-test',
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  async redirectToAuthorization(url: URL) {
    this.authorizations.push(url);
    const response = await fetch(url, { redirect: 'manual' });
    this.lastCallback = new URL(response.headers.get('location') as string);
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

let child: ChildProcess;
let origin: string;
beforeAll(async () => {
  ensureBuilt(['auth']);
  const { command, args } = tsNodeCommand('apps/auth/src/server.ts', [
    '--port',
    '0',
    '--auto-approve',
  ]);
  child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL announced: ${stderr}`)), 30_000);
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
      const m = /serving MCP at (http:\/\/[^/\s]+)\/mcp/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
});
afterAll(async () => {
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
});

/** Connects, logging in on the first 401 like an app would: redirect, then finishAuth(code). */
async function connect(provider: TestProvider): Promise<Client> {
  const url = new URL(`${origin}/mcp`);
  const client = new Client({ name: 'official-sdk-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(url, { authProvider: provider });
  try {
    await client.connect(transport);
    return client;
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
  }
  const callback = provider.lastCallback as URL;
  expect(callback.searchParams.get('iss')).toBe(origin);
  await transport.finishAuth(callback.searchParams.get('code') as string);
  const again = new Client({ name: 'official-sdk-test', version: '1.0.0' });
  await again.connect(new StreamableHTTPClientTransport(url, { authProvider: provider }));
  return again;
}

it('logs in (discovery, registration, PKCE, token), calls a tool, and refreshes', async () => {
  const provider = new TestProvider();
  const client = await connect(provider);
  expect(provider.info?.client_id).toEqual(expect.any(String));
  const authorization = provider.authorizations[0];
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('resource')).toBe(`${origin}/mcp`);
  expect(authorization.searchParams.get('scope')).toBe('mcp');
  const who = await client.callTool({ name: 'whoami', arguments: {} });
  expect(who.structuredContent).toEqual({
    subject: 'demo-user',
    clientId: provider.info?.client_id,
    scopes: ['mcp'],
  });
  const tools = await client.listTools();
  expect(tools.tools.map((t) => t.name)).toEqual(['whoami']);

  // the access token dies (revoked); the client refreshes with its refresh token, no new login
  const before = provider.saved as OAuthTokens;
  const revoked = await fetch(`${origin}/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: before.access_token,
      client_id: provider.info?.client_id as string,
    }),
  });
  expect(revoked.status).toBe(200);
  await client.close();
  const refreshed = new Client({ name: 'official-sdk-test', version: '1.0.0' });
  await refreshed.connect(
    new StreamableHTTPClientTransport(new URL(`${origin}/mcp`), { authProvider: provider }),
  );
  expect(provider.saved?.access_token).not.toBe(before.access_token);
  expect(provider.saved?.refresh_token).not.toBe(before.refresh_token);
  expect(provider.authorizations).toHaveLength(1);
  expect(
    (await refreshed.callTool({ name: 'whoami', arguments: {} })).structuredContent,
  ).toMatchObject({ subject: 'demo-user' });
  await refreshed.close();
});

it('a tool needing the admin scope: 403 insufficient_scope the SDK acts on; logged in with admin, it works', async () => {
  const provider = new TestProvider();
  const client = await connect(provider);
  const outcome = await client
    .callTool({ name: 'admin_only', arguments: {} })
    .catch((e: unknown) => e);
  // the SDK read error="insufficient_scope", tried to up-scope (it refreshes first: same scopes), got 403 again
  expect(String(outcome)).toContain('Server returned 403 after trying upscoping');
  await client.close();

  // an app asking for the challenged scopes: a new authorization with scope "mcp admin"
  provider.saved = undefined;
  const serverUrl = `${origin}/mcp`;
  expect(await auth(provider, { serverUrl, scope: 'mcp admin' })).toBe('REDIRECT');
  expect(provider.authorizations.at(-1)?.searchParams.get('scope')).toBe('mcp admin');
  expect(Object.fromEntries(provider.lastCallback?.searchParams ?? [])).toEqual({
    code: expect.any(String),
    iss: origin,
  });
  const code = provider.lastCallback?.searchParams.get('code') as string;
  expect(await auth(provider, { serverUrl, authorizationCode: code })).toBe('AUTHORIZED');
  expect(provider.tokens()?.scope).toBe('mcp admin');
  const admin = new Client({ name: 'official-sdk-test', version: '1.0.0' });
  await admin.connect(
    new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }),
  );
  expect(await admin.callTool({ name: 'admin_only', arguments: {} })).toMatchObject({
    content: [{ type: 'text', text: 'Welcome, administrator.' }],
  });
  expect((await admin.listTools()).tools.map((t) => t.name)).toEqual(['whoami', 'admin_only']);
  await admin.close();
});
