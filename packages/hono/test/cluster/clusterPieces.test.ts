/**
 * The pieces of a cluster node on their own: request ids naming the node, a shared store that
 * fails (503 with Retry-After, nothing left behind), an event store that fails (the message still
 * goes out live).
 */
import type { JSONRPCMessage } from '@typemcp/protocol';
import {
  InMemoryEventStore,
  McpHttpHandler,
  StoreUnavailableError,
  WakingEventStore,
} from '@typemcp/hono';
import type { McpStores } from '@typemcp/hono';
import { InMemoryMessageBus, InMemorySessionStore, Server } from '@typemcp/server';
import type { SessionStore } from '@typemcp/server';
import { tagOutgoing, untagIncoming } from '../../src/cluster/requestIds';

const BOTH = 'application/json, text/event-stream';

it('server-to-client request ids name their node; answers find it; other ids pass through', () => {
  const tagged = tagOutgoing(
    { jsonrpc: '2.0', id: 3, method: 'elicitation/create', params: {} },
    'node-a',
  );
  expect(tagged).toMatchObject({ id: 'node-a:3' });
  expect(untagIncoming({ jsonrpc: '2.0', id: 'node-a:3', result: {} })).toEqual({
    node: 'node-a',
    message: { jsonrpc: '2.0', id: 3, result: {} },
  });
  expect(
    tagOutgoing(
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 3 } },
      'b',
    ),
  ).toMatchObject({ params: { requestId: 'b:3' } });
  expect(tagOutgoing({ jsonrpc: '2.0', id: 'x', result: {} }, 'b')).toEqual({
    jsonrpc: '2.0',
    id: 'x',
    result: {},
  }); // a response keeps the client's id
  for (const id of [7, 'plain', ':3', 'a:b', 'a:1.5'])
    expect(
      untagIncoming({ jsonrpc: '2.0', id, result: {} } as JSONRPCMessage).node,
    ).toBeUndefined();
});

/** A session store that can be switched off, as Redis going away would. */
class FlakySessions extends InMemorySessionStore {
  down = false;
  private check(): void {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
  }
  override async save(...args: Parameters<SessionStore['save']>): Promise<void> {
    this.check();
    return super.save(...args);
  }
  override async touch(...args: Parameters<SessionStore['touch']>) {
    this.check();
    return super.touch(...args);
  }
}

it('a shared store that fails: 503, Retry-After and a retryable JSON-RPC error; recovery when it is back', async () => {
  const server = new Server({ name: 'n', version: '1', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  const sessions = new FlakySessions();
  const stores: McpStores = {
    sessions,
    events: new InMemoryEventStore(),
    bus: new InMemoryMessageBus(),
    requestStateSecret: 's',
  };
  const mcp = new McpHttpHandler(server, { stores, validateHost: false, enableJsonResponse: true });
  await mcp.ready();
  const post = (body: object, headers: Record<string, string> = {}) =>
    mcp.fetch(
      new Request('http://n/mcp', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: BOTH, ...headers },
        body: JSON.stringify(body),
      }),
    );
  const init = {
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    },
  };

  sessions.down = true;
  const refused = await post(init);
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('1');
  expect(await refused.json()).toMatchObject({
    error: {
      code: -32603,
      message: expect.stringContaining('shared sessions store is unavailable'),
      data: { retryable: true },
    },
  });
  expect(mcp.sessions.size).toBe(0); // nothing left behind

  sessions.down = false;
  const opened = await post(init);
  const id = opened.headers.get('mcp-session-id') as string;
  expect(opened.status).toBe(200);
  sessions.down = true;
  expect(
    (await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { 'mcp-session-id': id })).status,
  ).toBe(503);
  sessions.down = false;
  expect(
    await (
      await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, { 'mcp-session-id': id })
    ).json(),
  ).toMatchObject({ id: 2, result: { tools: [] } });
  await mcp.close();
});

it('an event store that fails: the event still goes out, under an id that is not resumable, and is reported', async () => {
  const failing = new InMemoryEventStore();
  failing.storeEvent = () => Promise.reject(new Error('READONLY'));
  const reported: string[] = [];
  const events = new WakingEventStore(failing, new InMemoryMessageBus(), (e) =>
    reported.push(e.message),
  );
  const id = await events.storeEvent('s.1', {
    jsonrpc: '2.0',
    method: 'notifications/message',
    params: {},
  });
  expect(id).toMatch(/^s\.1_unstored-\d+$/);
  expect(await events.streamIdOf(id)).toBeUndefined();
  expect(reported[0]).toContain('READONLY');
  expect(new StoreUnavailableError('events', new Error('x')).response().status).toBe(503);
});
