/**
 * Three HTTP engines in one process sharing in-memory stores behave as three nodes behind a
 * round-robin balancer (issue 15): the cluster logic without Redis or processes. The same
 * scenarios run over Redis and real processes in redisCluster.test.ts.
 */
import 'reflect-metadata';
import { Client, HttpClientTransport, TaskCancelledError } from '@typemcp/client';
import { InMemoryEventStore, McpHttpHandler } from '@typemcp/hono';
import type { McpStores } from '@typemcp/hono';
import { InMemoryMessageBus, InMemoryNonceStore, InMemorySessionStore, InMemoryTaskStore } from '@typemcp/server';
import { createClusterNode } from '../fixtures/clusterNode';
import { connectV1, eventually, text } from '../support/clusterClients';
import type { NodeFetch } from '../support/clusterClients';

jest.setTimeout(60_000);

const URL_ = 'http://cluster.test/mcp';
const TASKS = 'io.modelcontextprotocol/tasks';
let handlers: McpHttpHandler[] = [];

/** The bus, counting what crossed it: proof that work really moved between nodes. */
class CountingBus extends InMemoryMessageBus {
  readonly published: string[] = [];
  readonly subscribed: string[] = [];
  override publish(channel: string, message: unknown): Promise<void> {
    this.published.push(channel);
    return super.publish(channel, message);
  }
  override subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>> {
    this.subscribed.push(channel);
    return super.subscribe(channel, handler);
  }
}
const bus = new CountingBus();
let turn = 0;
const roundRobin: NodeFetch = (input, init) => handlers[turn++ % handlers.length].fetch(new Request(input, init));

beforeAll(async () => {
  const shared = {
    sessions: new InMemorySessionStore(),
    events: new InMemoryEventStore(),
    bus,
    tasks: new InMemoryTaskStore(),
    nonces: new InMemoryNonceStore(),
  };
  handlers = ['A', 'B', 'C'].map((node) => new McpHttpHandler(createClusterNode(node).server, { stores: { ...shared, nodeId: node } satisfies McpStores, retryMs: 20, validateHost: false }));
  await Promise.all(handlers.map((h) => h.ready()));
});

afterAll(async () => {
  await Promise.all(handlers.map((h) => h.close()));
});

describe('a legacy session (official 1.x client) with no sticky routing', () => {
  it('continues on every node: calls, subscriptions, a question after a cut, a resumed stream, DELETE', async () => {
    const v1 = await connectV1(URL_, roundRobin);
    const nodes = new Set<string>();
    for (let i = 0; i < 6; i++) nodes.add(text(await v1.client.callTool({ name: 'whoami', arguments: {} })));
    expect([...nodes].sort()).toEqual(['A', 'B', 'C']);

    await v1.client.subscribeResource({ uri: 'cluster://counter' });
    for (let i = 0; i < 3; i++) await v1.client.callTool({ name: 'bump', arguments: {} });
    await eventually(() => v1.updated.length === 3, 'three resources/updated');

    const greeting = await v1.client.callTool({ name: 'ask_after_cut', arguments: {} });
    expect(text(greeting)).toBe('Hello, Ada');
    expect(v1.asked).toEqual(['What is your name?']);
    // the cut stream was followed on another node, and the answer went back to the asking node
    expect(bus.subscribed.filter((c) => /^ev:.*\.[ABC]-\d+$/.test(c)).length).toBeGreaterThan(0);
    expect(bus.published.some((c) => c.startsWith('node:'))).toBe(true);

    const counted = await v1.client.callTool({ name: 'count', arguments: { count: 30 } });
    expect(text(counted)).toBe('counted 30');
    expect(v1.logs.filter((l) => l.startsWith('tick'))).toEqual(Array.from({ length: 30 }, (_, i) => `tick ${i + 1}`));

    const sessionId = v1.transport.sessionId as string;
    await v1.transport.terminateSession();
    for (let i = 0; i < 3; i++) {
      const response = await roundRobin(URL_, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId }, body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'ping' }) });
      expect(response.status).toBe(404);
    }
    await v1.client.close();
  });
});

describe('2026-07-28 (TypeMCP client)', () => {
  it('a subscriptions/listen on one node hears resources/updated sent from the others', async () => {
    const client = new Client({ name: 't', version: '1' }, { mode: 'modern' });
    await client.connect(new HttpClientTransport(new URL(URL_), { fetch: roundRobin }));
    const updates: string[] = [];
    client.onNotification('notifications/resources/updated', (p: { uri: string }) => void updates.push(p.uri));
    const stop = new AbortController();
    const acknowledged = new Promise<void>((resolve) => client.onNotification('notifications/subscriptions/acknowledged', () => resolve()));
    void client.listen({ resourceSubscriptions: ['cluster://counter'] }, { signal: stop.signal }).catch(() => undefined);
    await acknowledged;
    for (let i = 0; i < 3; i++) await client.callTool({ name: 'bump', arguments: {} });
    await eventually(() => updates.length === 3, 'three updates on the listen stream');
    stop.abort();
    await client.close();
  });

  it('a task is polled, answered and cancelled through other nodes', async () => {
    const client = new Client({ name: 't', version: '1' }, { mode: 'modern', capabilities: { elicitation: {}, extensions: { [TASKS]: {} } } });
    client.setRequestHandler('elicitation/create', () => ({ action: 'accept', content: { ok: true } }));
    await client.connect(new HttpClientTransport(new URL(URL_), { fetch: roundRobin }));
    const statuses: string[] = [];
    const done = await client.tasks.callTool({ name: 'confirm_job', arguments: { title: 'backup' } }, { onStatus: (t) => statuses.push(t.status) });
    expect(text(done)).toBe('Ran backup');
    expect(statuses).toEqual(expect.arrayContaining(['input_required', 'completed']));

    const pending = client.tasks.callTool({ name: 'wait', arguments: { ms: 30_000 } }, {
      onStatus: (t) => {
        if (t.status === 'working') void client.tasks.cancel(t.taskId).catch(() => undefined);
      },
    });
    await expect(pending).rejects.toBeInstanceOf(TaskCancelledError);
    await eventually(async () => {
      const counts = await Promise.all([0, 1, 2].map(async () => text(await client.callTool({ name: 'aborted_jobs', arguments: {} }))));
      return counts.some((c) => c.endsWith(':1'));
    }, 'the running node to abort the cancelled task');
    await client.close();
  });

  it('a requestState used on one node is refused on the next', async () => {
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'confirm' };
    const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': { elicitation: {} } };
    const call = async (extra: Record<string, unknown>) => {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'confirm', arguments: {}, ...extra, _meta: meta } });
      return (await (await roundRobin(URL_, { method: 'POST', headers, body })).json()) as { result?: Record<string, unknown>; error?: { code: number; message: string } };
    };
    const first = await call({});
    expect(first.result?.resultType).toBe('input_required');
    const answer = { requestState: first.result?.requestState, inputResponses: { sure: { action: 'accept', content: { ok: true } } } };
    expect(text((await call(answer)).result as { content: unknown })).toBe('confirmed');
    const replayed = await call(answer);
    expect(replayed.error).toMatchObject({ code: -32602, message: expect.stringContaining('already used (replayed)') });
  });
});
