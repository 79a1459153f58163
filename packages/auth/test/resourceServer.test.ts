/**
 * The resource-server side over real HTTP (SPEC.md 4.1): bearer tokens from the Authorization
 * header only, JWT checks (signature, issuer, audience, expiry, not-before, algorithms), 401/400/403
 * challenges, RFC 9728 metadata, scopes on tools/prompts/resources and classes, `ctx.auth`, and
 * sessions bound to the subject that opened them.
 */
import 'reflect-metadata';
import { Context, createServer, McpServer, Prompt, Resource, Tool } from '@typemcp/server';
import { McpHttpHandler, mcpHonoApp } from '@typemcp/hono';
import { JwtVerifier } from '@typemcp/auth';
import { INIT, listenLate, post } from './support/listen';
import { ISSUER, jwtKit, unsignedToken } from './support/jwt';

@McpServer({ name: 'protected', version: '1.0.0' })
class Protected {
  @Tool()
  whoami(ctx: Context): string {
    const a = ctx.auth;
    return JSON.stringify({
      subject: a?.subject,
      clientId: a?.clientId,
      scopes: a?.scopes,
      expiresAt: a?.expiresAt,
      iss: a?.claims?.iss,
    });
  }

  @Tool({ scopes: ['admin'] })
  admin_only(): string {
    return 'secret';
  }

  @Prompt({ scopes: ['admin'] })
  adminPrompt(): string {
    return 'admin prompt';
  }

  @Resource('admin://config', { scopes: ['admin'] })
  config(): string {
    return 'config';
  }
}

@McpServer({ scopes: ['reports'] })
class Reports {
  @Tool()
  report(): string {
    return 'report';
  }
}

@McpServer({ name: 'jobs' })
class Jobs {
  @Tool({ task: 'optional' })
  async compute(x: number): Promise<number> {
    return x * 2;
  }
}

let origin: string;
let close: () => Promise<void>;
let kit: Awaited<ReturnType<typeof jwtKit>>;
const mcp = () => `${origin}/mcp`;

beforeAll(async () => {
  kit = await jwtKit(() => mcp());
  ({ origin, close } = await listenLate((o) =>
    mcpHonoApp(createServer({ name: 'protected', providers: [Protected, Reports, Jobs] }), {
      enableJsonResponse: true,
      auth: {
        verifier: new JwtVerifier({
          issuer: ISSUER,
          audience: `${o}/mcp`,
          key: kit.publicKey,
          algorithms: ['ES256'],
          clockToleranceSeconds: 5,
        }),
        resource: `${o}/mcp`,
        authorizationServers: [ISSUER],
        requiredScopes: ['mcp'],
      },
    }),
  ));
});
afterAll(() => close());

async function json(response: Response): Promise<Record<string, any>> {
  return (await response.json()) as Record<string, any>;
}

async function session(token: string): Promise<string> {
  const response = await post(mcp(), INIT, token);
  expect(response.status).toBe(200);
  const id = response.headers.get('mcp-session-id') as string;
  await post(mcp(), { jsonrpc: '2.0', method: 'notifications/initialized' }, token, {
    'mcp-session-id': id,
    'mcp-protocol-version': '2025-11-25',
  });
  return id;
}

const inSession = (id: string) => ({ 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' });

describe('protected resource metadata (RFC 9728)', () => {
  it.each(['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource'])(
    'is served at %s',
    async (path) => {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(200);
      expect(await json(response)).toEqual({
        resource: `${origin}/mcp`,
        authorization_servers: [ISSUER],
        bearer_methods_supported: ['header'],
        scopes_supported: ['mcp', 'admin', 'reports'],
      });
    },
  );
});

describe('refusals', () => {
  const challenge = (r: Response) => r.headers.get('www-authenticate') ?? '';

  it('no token: 401 naming the metadata and the scope', async () => {
    const response = await post(mcp(), INIT);
    expect(response.status).toBe(401);
    expect(challenge(response)).toBe(
      `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp", scope="mcp"`,
    );
  });

  const cases: Array<[string, () => Promise<string> | string, number, string, string]> = [
    ['a garbled token', () => 'not-a-jwt', 401, 'invalid_token', 'The token is not a valid JWT'],
    [
      'an expired token',
      () => kit.sign({ exp: Math.floor(Date.now() / 1000) - 60 }),
      401,
      'invalid_token',
      'The token expired',
    ],
    [
      'a token not valid yet',
      () => kit.sign({ nbf: Math.floor(Date.now() / 1000) + 600 }),
      401,
      'invalid_token',
      'The token is not valid yet',
    ],
    [
      'a token for another resource',
      () => kit.sign({ aud: 'https://other.example/mcp' }),
      401,
      'invalid_token',
      'The token was issued for another resource',
    ],
    [
      'a token of another issuer',
      () => kit.sign({ iss: 'https://evil.example' }),
      401,
      'invalid_token',
      'The token was issued by another issuer',
    ],
    [
      'alg none',
      () => unsignedToken({ sub: 'alice', iss: ISSUER, aud: mcp(), scope: 'mcp', exp: 9999999999 }),
      401,
      'invalid_token',
      'The token is signed with an algorithm this server does not accept',
    ],
    [
      'an HS256 token',
      () => kit.sign({}, { alg: 'HS256', key: new Uint8Array(32).fill(7) }),
      401,
      'invalid_token',
      'The token is signed with an algorithm this server does not accept',
    ],
    [
      'a token without the required scope',
      () => kit.sign({ scope: 'other' }),
      403,
      'insufficient_scope',
      'This server needs the scope(s) mcp',
    ],
  ];
  it.each(cases)('%s is refused', async (_name, token, status, error, description) => {
    const response = await post(mcp(), INIT, await token());
    expect(response.status).toBe(status);
    expect(await json(response)).toEqual({ error, error_description: description });
    expect(challenge(response)).toContain(`error="${error}"`);
    expect(challenge(response)).toContain('resource_metadata=');
  });

  it('a token in the query string: 400 invalid_request, never accepted', async () => {
    const response = await post(`${mcp()}?access_token=${await kit.sign()}`, INIT);
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_request');
  });

  it('a malformed Authorization header: 400 invalid_request', async () => {
    const response = await post(mcp(), INIT, undefined, { authorization: 'Bearer a b c' });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_request');
  });
});

describe('an authenticated caller', () => {
  it('gets ctx.auth, and sees only what its scopes reach', async () => {
    const token = await kit.sign();
    const id = await session(token);
    const call = await json(
      await post(
        mcp(),
        { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'whoami', arguments: {} } },
        token,
        inSession(id),
      ),
    );
    expect(JSON.parse(call.result.content[0].text)).toEqual({
      subject: 'alice',
      clientId: 'client-1',
      scopes: ['mcp'],
      expiresAt: expect.any(Number),
      iss: ISSUER,
    });
    const list = await json(
      await post(mcp(), { jsonrpc: '2.0', id: 3, method: 'tools/list' }, token, inSession(id)),
    );
    expect(list.result.tools.map((t: { name: string }) => t.name)).toEqual(['whoami', 'compute']);
    const prompts = await json(
      await post(mcp(), { jsonrpc: '2.0', id: 4, method: 'prompts/list' }, token, inSession(id)),
    );
    expect(prompts.result.prompts).toEqual([]);
    const resources = await json(
      await post(mcp(), { jsonrpc: '2.0', id: 5, method: 'resources/list' }, token, inSession(id)),
    );
    expect(resources.result.resources).toEqual([]);
  });

  it.each([
    ['tools/call', { name: 'admin_only', arguments: {} }, 'mcp admin'],
    ['prompts/get', { name: 'adminPrompt' }, 'mcp admin'],
    ['resources/read', { uri: 'admin://config' }, 'mcp admin'],
    ['resources/subscribe', { uri: 'admin://config' }, 'mcp admin'],
    ['tools/call', { name: 'report', arguments: {} }, 'mcp reports'],
  ])(
    '%s %j without the scope: 403 insufficient_scope naming the scopes for step-up',
    async (method, params, scope) => {
      const token = await kit.sign();
      const id = await session(token);
      const response = await post(
        mcp(),
        { jsonrpc: '2.0', id: 9, method, params },
        token,
        inSession(id),
      );
      expect(response.status).toBe(403);
      const header = response.headers.get('www-authenticate') ?? '';
      expect(header).toContain('error="insufficient_scope"');
      expect(header).toContain(`scope="${scope}"`);
      expect((await json(response)).error).toMatchObject({
        code: -32600,
        data: { requiredScopes: scope.split(' ').slice(1) },
      });
    },
  );

  it('with the scope, uses and lists the scoped tool', async () => {
    const token = await kit.sign({ scope: 'mcp admin' });
    const id = await session(token);
    const call = await json(
      await post(
        mcp(),
        {
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'admin_only', arguments: {} },
        },
        token,
        inSession(id),
      ),
    );
    expect(call.result.content[0].text).toBe('secret');
    const list = await json(
      await post(mcp(), { jsonrpc: '2.0', id: 3, method: 'tools/list' }, token, inSession(id)),
    );
    expect(list.result.tools.map((t: { name: string }) => t.name)).toEqual([
      'whoami',
      'admin_only',
      'compute',
    ]);
  });

  it("another subject's session id is answered 404, the owner keeps it", async () => {
    const alice = await kit.sign();
    const id = await session(alice);
    const mallory = await kit.sign({ sub: 'mallory' });
    const stolen = await post(
      mcp(),
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      mallory,
      inSession(id),
    );
    expect(stolen.status).toBe(404);
    const own = await post(
      mcp(),
      { jsonrpc: '2.0', id: 3, method: 'tools/list' },
      alice,
      inSession(id),
    );
    expect(own.status).toBe(200);
  });

  it("HTTP+SSE: another subject's sessionId is answered 404", async () => {
    const alice = await kit.sign();
    const controller = new AbortController();
    const stream = await fetch(`${origin}/sse`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${alice}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('sessionId='))
      text += new TextDecoder().decode((await reader.read()).value);
    const endpoint = /data: (\S+)/.exec(text)?.[1] as string;
    const mallory = await kit.sign({ sub: 'mallory' });
    expect((await post(`${origin}${endpoint}`, INIT, mallory)).status).toBe(404);
    expect((await post(`${origin}${endpoint}`, INIT, alice)).status).toBe(202);
    controller.abort();
  });

  it("a task id used with another subject's token is an unknown task (-32602), in both task designs", async () => {
    const alice = await kit.sign();
    const mallory = await kit.sign({ sub: 'mallory' });
    const TASKS = { 'io.modelcontextprotocol/tasks': {} };
    const meta = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': { extensions: TASKS },
    };
    const modern = (method: string, name?: string) => ({
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': method,
      ...(name ? { 'mcp-name': name } : {}),
    });
    const created = await json(
      await post(
        mcp(),
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'compute', arguments: { x: 21 }, _meta: meta },
        },
        alice,
        modern('tools/call', 'compute'),
      ),
    );
    const taskId = created.result.taskId as string;
    expect(created.result.resultType).toBe('task');
    const get = (token: string) =>
      post(
        mcp(),
        { jsonrpc: '2.0', id: 2, method: 'tasks/get', params: { taskId, _meta: meta } },
        token,
        modern('tasks/get'),
      );
    expect((await json(await get(mallory))).error).toMatchObject({ code: -32602 });
    expect((await json(await get(alice))).result).toMatchObject({ taskId });

    // 2025-11-25 experimental tasks: created in alice's session, asked for in mallory's own
    const aliceSession = await post(
      mcp(),
      { ...INIT, params: { ...INIT.params, capabilities: { tasks: {} } } },
      alice,
    );
    const aliceId = aliceSession.headers.get('mcp-session-id') as string;
    const legacy = await json(
      await post(
        mcp(),
        {
          jsonrpc: '2.0',
          id: 3,
          method: 'tools/call',
          params: { name: 'compute', arguments: { x: 1 }, task: {} },
        },
        alice,
        inSession(aliceId),
      ),
    );
    const legacyTask = legacy.result.task.taskId as string;
    const malloryId = await session(mallory);
    const stolen = await json(
      await post(
        mcp(),
        { jsonrpc: '2.0', id: 4, method: 'tasks/get', params: { taskId: legacyTask } },
        mallory,
        inSession(malloryId),
      ),
    );
    expect(stolen.error).toMatchObject({ code: -32602 });
    const own = await json(
      await post(
        mcp(),
        { jsonrpc: '2.0', id: 5, method: 'tasks/get', params: { taskId: legacyTask } },
        alice,
        inSession(aliceId),
      ),
    );
    expect(own.result).toMatchObject({ taskId: legacyTask });
  });

  it('a 2026-07-28 request is authenticated and scope-checked too', async () => {
    const token = await kit.sign();
    const meta = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    const headers = {
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'admin_only',
    };
    const body = {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'admin_only', arguments: {}, _meta: meta },
    };
    expect((await post(mcp(), body, undefined, headers)).status).toBe(401);
    expect((await post(mcp(), body, token, headers)).status).toBe(403);
    const ok = await post(mcp(), { ...body, params: { ...body.params, name: 'whoami' } }, token, {
      ...headers,
      'mcp-name': 'whoami',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse((await json(ok)).result.content[0].text).subject).toBe('alice');
  });
});

describe('a verifier that cannot decide', () => {
  it('is 503 with Retry-After, never 401, and the error is reported, not leaked', async () => {
    const reported: Error[] = [];
    const app = mcpHonoApp(
      createServer({ name: 'down', providers: [Protected], onerror: (e) => reported.push(e) }),
      {
        validateHost: false,
        auth: {
          verifier: { verify: () => Promise.reject(new Error('ECONNREFUSED introspection')) },
          resource: 'http://127.0.0.1/mcp',
          authorizationServers: ['https://as.example'],
        },
      },
    );
    const response = await app.request('http://127.0.0.1/mcp', {
      method: 'POST',
      headers: {
        authorization: 'Bearer abc',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify(INIT),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(JSON.stringify(await response.json())).not.toContain('ECONNREFUSED');
    expect(reported.map((e) => e.message)).toEqual(['ECONNREFUSED introspection']);
  });
});

describe('McpHttpHandler.fetch without Hono (workers, Deno, Bun)', () => {
  it('is guarded by the same auth option and serves the metadata', async () => {
    const handler = new McpHttpHandler(
      createServer({ name: 'worker', providers: [Protected] }).server,
      {
        validateHost: false,
        auth: {
          verifier: new JwtVerifier({
            issuer: ISSUER,
            audience: 'https://worker.example/mcp',
            key: kit.publicKey,
          }),
          resource: 'https://worker.example/mcp',
          authorizationServers: [ISSUER],
        },
      },
    );
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    };
    const refused = await handler.fetch(
      new Request('https://worker.example/mcp', {
        method: 'POST',
        headers,
        body: JSON.stringify(INIT),
      }),
    );
    expect(refused.status).toBe(401);
    const metadata = await handler.fetch(
      new Request('https://worker.example/.well-known/oauth-protected-resource/mcp'),
    );
    expect(((await metadata.json()) as { resource: string }).resource).toBe(
      'https://worker.example/mcp',
    );
    const token = await kit.sign({ aud: 'https://worker.example/mcp' });
    const ok = await handler.fetch(
      new Request('https://worker.example/mcp', {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${token}` },
        body: JSON.stringify(INIT),
      }),
    );
    expect(ok.status).toBe(200);
    await handler.close();
  });
});
