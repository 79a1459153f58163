/**
 * `scopes` on tools, resources, prompts and classes, without HTTP: the dispatcher filters lists
 * for the caller and refuses use with -32600 naming the scopes (what HTTP+SSE clients and custom
 * transports see); an unauthenticated connection (stdio) is served everything.
 */
import 'reflect-metadata';
import { InMemoryTransport } from '@typemcp/protocol';
import type { AuthInfo, JSONRPCMessage } from '@typemcp/protocol';
import { createServer, McpServer, Prompt, Resource, Tool } from '@typemcp/server';

@McpServer({ name: 'scoped' })
class Open {
  @Tool()
  hello(): string {
    return 'hi';
  }

  @Tool({ scopes: ['admin'] })
  purge(): string {
    return 'purged';
  }

  @Resource('files://{name}', { scopes: ['files'] })
  file(name: string): string {
    return name;
  }

  @Prompt({ scopes: ['admin'] })
  audit(): string {
    return 'audit';
  }
}

@McpServer({ scopes: ['billing'] })
class Billing {
  @Tool({ scopes: ['admin'] })
  refund(): string {
    return 'refunded';
  }
}

/** A legacy session whose every message carries `auth` (as an auth middleware would set it). */
async function session(auth?: AuthInfo) {
  const app = createServer({ providers: [Open, Billing] });
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const replies = new Map<number, JSONRPCMessage>();
  client.onmessage = (m) => 'id' in m && replies.set(m.id as number, m);
  await client.start();
  await app.server.connect(serverSide);
  const deliver = serverSide.onmessage;
  serverSide.onmessage = (m, extra) => deliver?.(m, { ...extra, auth });
  let id = 0;
  const request = async (method: string, params: Record<string, unknown> = {}) => {
    const mine = ++id;
    await client.send({ jsonrpc: '2.0', id: mine, method, params });
    while (!replies.has(mine)) await new Promise((r) => setImmediate(r));
    return replies.get(mine) as {
      result?: Record<string, any>;
      error?: { code: number; message: string; data?: unknown };
    };
  };
  await request('initialize', {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 't', version: '1' },
  });
  return request;
}

const names = (r: { result?: Record<string, any> }, key: string, field = 'name') =>
  (r.result?.[key] as Array<Record<string, string>>).map((e) => e[field]);

it('an unauthenticated connection is served everything', async () => {
  const request = await session();
  expect(names(await request('tools/list'), 'tools')).toEqual(['hello', 'purge', 'refund']);
  expect(
    (await request('tools/call', { name: 'purge', arguments: {} })).result?.content[0].text,
  ).toBe('purged');
});

it('a caller sees only what its scopes reach; class scopes add to member scopes', async () => {
  const request = await session({ subject: 'alice', scopes: ['billing'] });
  expect(names(await request('tools/list'), 'tools')).toEqual(['hello']);
  expect(
    names(await request('resources/templates/list'), 'resourceTemplates', 'uriTemplate'),
  ).toEqual([]);
  expect(names(await request('prompts/list'), 'prompts')).toEqual([]);
  const admin = await session({ subject: 'root', scopes: ['admin', 'billing', 'files'] });
  expect(names(await admin('tools/list'), 'tools')).toEqual(['hello', 'purge', 'refund']);
  expect(
    names(await admin('resources/templates/list'), 'resourceTemplates', 'uriTemplate'),
  ).toEqual(['files://{name}']);
});

it.each([
  [
    'tools/call',
    { name: 'purge', arguments: {} },
    'Forbidden: tool purge needs the scope(s) admin',
    ['admin'],
  ],
  [
    'tools/call',
    { name: 'refund', arguments: {} },
    'Forbidden: tool refund needs the scope(s) admin',
    ['billing', 'admin'],
  ],
  [
    'resources/read',
    { uri: 'files://a.txt' },
    'Forbidden: resource files://a.txt needs the scope(s) files',
    ['files'],
  ],
  ['prompts/get', { name: 'audit' }, 'Forbidden: prompt audit needs the scope(s) admin', ['admin']],
])('%s %j without the scope: -32600 naming it', async (method, params, message, requiredScopes) => {
  const request = await session({ subject: 'alice', scopes: ['billing'] });
  expect((await request(method, params)).error).toEqual({
    code: -32600,
    message,
    data: { requiredScopes },
  });
});
