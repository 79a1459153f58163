/**
 * The built-in authorization server over real HTTP (SPEC.md 4.3): metadata, dynamic registration,
 * authorization code + PKCE with `iss`, token, refresh rotation with replay detection, revocation,
 * client_credentials, Client ID Metadata Documents, rate limits; each bad input with its exact
 * status and OAuth error.
 */
import 'reflect-metadata';
import { Context, McpServer, Tool } from '@typemcp/server';
import { form, pkce, startAsAndMcp } from './support/asFixture';
import { INIT, post } from './support/listen';

@McpServer({ name: 'as-test' })
class Whoami {
  @Tool()
  whoami(ctx: Context): string {
    return `${ctx.auth?.subject} ${ctx.auth?.clientId} ${ctx.auth?.scopes?.join(',')}`;
  }
}

let origin: string;
let close: () => Promise<void>;
beforeAll(async () => ({ origin, close } = await startAsAndMcp(Whoami)));
afterAll(() => close());

const REDIRECT = 'http://127.0.0.1:9999/callback';

async function register(metadata: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const response = await fetch(`${origin}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none',
      client_name: 't',
      ...metadata,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Record<string, any>;
}

function authorizeUrl(params: Record<string, string>): string {
  return `${origin}/authorize?${new URLSearchParams(params)}`;
}

async function authorize(
  clientId: string,
  challenge: string,
  extra: Record<string, string> = {},
): Promise<URL> {
  const response = await fetch(
    authorizeUrl({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'xyz',
      resource: `${origin}/mcp`,
      ...extra,
    }),
    { redirect: 'manual' },
  );
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') as string);
}

async function codeFlow(clientId: string, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const back = await authorize(clientId, challenge, extra);
  const code = back.searchParams.get('code') as string;
  return { verifier, code, back };
}

async function tokens(
  fields: Record<string, string>,
  headers?: Record<string, string>,
): Promise<{ status: number; body: Record<string, any> }> {
  const response = await form(`${origin}/token`, fields, headers);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('metadata', () => {
  it.each(['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'])(
    '%s (RFC 8414 / OpenID alias)',
    async (path) => {
      const body = (await (await fetch(`${origin}${path}`)).json()) as Record<string, any>;
      expect(body).toMatchObject({
        issuer: origin,
        authorization_endpoint: `${origin}/authorize`,
        token_endpoint: `${origin}/token`,
        registration_endpoint: `${origin}/register`,
        revocation_endpoint: `${origin}/revoke`,
        code_challenge_methods_supported: ['S256'],
        authorization_response_iss_parameter_supported: true,
        client_id_metadata_document_supported: true,
        scopes_supported: ['mcp', 'admin'],
      });
    },
  );
});

describe('authorization code flow', () => {
  it('registers, authorizes with PKCE (iss and state returned), calls a tool, refreshes with rotation', async () => {
    const client = await register();
    expect(client.client_secret).toBeUndefined();
    expect(client.scope).toBeUndefined();
    const { verifier, code, back } = await codeFlow(client.client_id);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('xyz');
    expect(back.searchParams.get('iss')).toBe(origin);
    const issued = await tokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: client.client_id,
      resource: `${origin}/mcp`,
    });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      token_type: 'Bearer',
      scope: 'mcp',
      expires_in: 3600,
      refresh_token: expect.any(String),
    });
    const init = await post(`${origin}/mcp`, INIT, issued.body.access_token);
    expect(init.status).toBe(200);
    const id = init.headers.get('mcp-session-id') as string;
    const call = await post(
      `${origin}/mcp`,
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'whoami', arguments: {} } },
      issued.body.access_token,
      { 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' },
    );
    expect(((await call.json()) as any).result.content[0].text).toBe(
      `demo-user ${client.client_id} mcp`,
    );

    const refreshed = await tokens({
      grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token,
      client_id: client.client_id,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(issued.body.refresh_token);
    expect((await post(`${origin}/mcp`, INIT, refreshed.body.access_token)).status).toBe(200);

    // the rotated refresh token comes back: refused, and the whole grant is revoked
    const replay = await tokens({
      grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token,
      client_id: client.client_id,
    });
    expect(replay).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: expect.stringContaining('refresh token is not valid'),
      },
    });
    expect((await post(`${origin}/mcp`, INIT, refreshed.body.access_token)).status).toBe(401);
    expect(
      (
        await tokens({
          grant_type: 'refresh_token',
          refresh_token: refreshed.body.refresh_token,
          client_id: client.client_id,
        })
      ).status,
    ).toBe(400);
  });

  it('revocation (RFC 7009) ends an access token; an unknown token is no error', async () => {
    const client = await register();
    const { verifier, code } = await codeFlow(client.client_id);
    const issued = await tokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: client.client_id,
    });
    expect(
      (
        await form(`${origin}/revoke`, {
          token: issued.body.access_token,
          client_id: client.client_id,
        })
      ).status,
    ).toBe(200);
    expect((await post(`${origin}/mcp`, INIT, issued.body.access_token)).status).toBe(401);
    expect(
      (await form(`${origin}/revoke`, { token: 'nothing', client_id: client.client_id })).status,
    ).toBe(200);
  });
});

describe('bad input at /token', () => {
  it('PKCE mismatch: 400 invalid_grant, and the code is gone', async () => {
    const client = await register();
    const { code, verifier } = await codeFlow(client.client_id);
    const wrong = await tokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: pkce().verifier,
      redirect_uri: REDIRECT,
      client_id: client.client_id,
    });
    expect(wrong).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'code_verifier does not match the code_challenge (PKCE)',
      },
    });
    const retry = await tokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: client.client_id,
    });
    expect(retry.body.error).toBe('invalid_grant');
  });

  it('a reused code: 400 invalid_grant', async () => {
    const client = await register();
    const { code, verifier } = await codeFlow(client.client_id);
    const fields = {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: client.client_id,
    };
    expect((await tokens(fields)).status).toBe(200);
    expect(await tokens(fields)).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description:
          "The authorization code is not valid (unknown, expired, used or another client's)",
      },
    });
  });

  it('another redirect_uri than the authorization request: 400 invalid_grant', async () => {
    const client = await register({ redirect_uris: [REDIRECT, 'http://127.0.0.1:9999/other'] });
    const { code, verifier } = await codeFlow(client.client_id);
    const result = await tokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: 'http://127.0.0.1:9999/other',
      client_id: client.client_id,
    });
    expect(result).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'redirect_uri differs from the authorization request',
      },
    });
  });

  it('an unknown client: 401 invalid_client', async () => {
    expect(
      await tokens({
        grant_type: 'authorization_code',
        code: 'x',
        code_verifier: 'y',
        redirect_uri: REDIRECT,
        client_id: 'nobody',
      }),
    ).toEqual({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: 'Client authentication failed: unknown client',
      },
    });
  });

  it('an unsupported grant: 400 unsupported_grant_type', async () => {
    const client = await register();
    expect((await tokens({ grant_type: 'password', client_id: client.client_id })).body.error).toBe(
      'unsupported_grant_type',
    );
  });

  it('client_credentials: a confidential client with its secret (Basic), refused with a wrong one', async () => {
    const client = await register({
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      redirect_uris: [],
      scope: 'mcp',
    });
    expect(client.client_secret).toEqual(expect.any(String));
    const basic = (secret: string) => ({
      authorization: `Basic ${Buffer.from(`${client.client_id}:${secret}`).toString('base64')}`,
    });
    const ok = await tokens(
      { grant_type: 'client_credentials', resource: `${origin}/mcp` },
      basic(client.client_secret),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toBeUndefined();
    const init = await post(`${origin}/mcp`, INIT, ok.body.access_token);
    expect(init.status).toBe(200);
    expect((await tokens({ grant_type: 'client_credentials' }, basic('wrong'))).status).toBe(401);
  });
});

describe('bad input at /authorize', () => {
  it('a redirect_uri not registered (open redirect attempt): 400 shown here, never redirected', async () => {
    const client = await register();
    const response = await fetch(
      authorizeUrl({
        response_type: 'code',
        client_id: client.client_id,
        redirect_uri: 'https://evil.example/cb',
        code_challenge: pkce().challenge,
        code_challenge_method: 'S256',
      }),
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'redirect_uri does not match a registered redirect URI exactly',
    });
  });

  it('an unknown client: 400 invalid_client, never redirected', async () => {
    const response = await fetch(
      authorizeUrl({
        response_type: 'code',
        client_id: 'nobody',
        redirect_uri: REDIRECT,
        code_challenge: pkce().challenge,
        code_challenge_method: 'S256',
      }),
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error).toBe('invalid_client');
  });

  it.each([
    [{ code_challenge_method: 'plain' }, 'invalid_request', 'code_challenge_method must be S256'],
    [
      { response_type: 'token' },
      'unsupported_response_type',
      'Only response_type=code is supported',
    ],
    [{ scope: 'root' }, 'invalid_scope', 'Scope(s) not allowed: root'],
    [
      { resource: 'https://other.example/mcp' },
      'invalid_target',
      'Tokens are not issued for https://other.example/mcp',
    ],
  ])('%j: redirected back with %s, state and iss', async (override, error, description) => {
    const client = await register();
    const back = await authorize(
      client.client_id,
      pkce().challenge,
      override as Record<string, string>,
    );
    expect(Object.fromEntries(back.searchParams)).toEqual({
      error,
      error_description: description,
      state: 'xyz',
      iss: origin,
    });
  });

  it('a Client ID Metadata Document URL at a private address: 400 invalid_client, nothing fetched', async () => {
    for (const url of [
      'https://127.0.0.1/client.json',
      'https://10.1.2.3/client.json',
      'https://localhost/client.json',
      'http://example.com/client.json',
    ]) {
      const response = await fetch(
        authorizeUrl({
          response_type: 'code',
          client_id: url,
          redirect_uri: REDIRECT,
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
        { redirect: 'manual' },
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as Record<string, string>;
      expect(body.error).toBe('invalid_client');
      if (url.startsWith('https://'))
        expect(body.error_description).toMatch(/not a public address/);
    }
  });
});

describe('bad input at /register', () => {
  it.each([
    [{ redirect_uris: ['javascript:alert(1)'] }, 'invalid_redirect_uri'],
    [{ redirect_uris: ['http://evil.example/cb'] }, 'invalid_redirect_uri'],
    [{ scope: 'root' }, 'invalid_client_metadata'],
    [{ grant_types: ['password'] }, 'invalid_client_metadata'],
  ])('%j: 400 %s', async (metadata, error) => {
    const response = await fetch(`${origin}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: [REDIRECT], ...metadata }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error).toBe(error);
  });
});
