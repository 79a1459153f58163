/**
 * What must hold on several nodes behind a round-robin balancer (issue 15), written once and run
 * by the in-process cluster (shared in-memory stores) and by real processes sharing Redis.
 */
import { Client, HttpClientTransport, TaskCancelledError } from '@typemcp/client';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { connectV1, eventually, text } from './clusterClients';
import type { NodeFetch } from './clusterClients';

const TASKS = 'io.modelcontextprotocol/tasks';
const BOTH = 'application/json, text/event-stream';

/**
 * An official 1.x client's legacy session continues on every node: calls, a resource
 * subscription notified from other nodes, a question asked after the stream was cut (answered
 * through another node), a cut stream resumed elsewhere without loss or repetition, DELETE.
 */
export async function legacySessionScenario(url: string, fetch?: NodeFetch): Promise<void> {
  const v1 = await connectV1(url, fetch);
  const nodes = new Set<string>();
  for (let i = 0; i < 6; i++)
    nodes.add(text(await v1.client.callTool({ name: 'whoami', arguments: {} })));
  expect([...nodes].sort()).toEqual(['A', 'B', 'C']);

  await v1.client.subscribeResource({ uri: 'cluster://counter' });
  for (let i = 0; i < 3; i++) await v1.client.callTool({ name: 'bump', arguments: {} });
  await eventually(() => v1.updated.length === 3, 'three resources/updated');

  expect(text(await v1.client.callTool({ name: 'ask_after_cut', arguments: {} }))).toBe(
    'Hello, Ada',
  );
  expect(text(await v1.client.callTool({ name: 'sample_after_cut', arguments: {} }))).toBe(
    'Model test-model says Paris',
  );
  expect(v1.asked).toEqual(['What is your name?', 'Capital of France?']);

  expect(text(await v1.client.callTool({ name: 'count', arguments: { count: 30 } }))).toBe(
    'counted 30',
  );
  expect(v1.logs.filter((l) => l.startsWith('tick'))).toEqual(
    Array.from({ length: 30 }, (_, i) => `tick ${i + 1}`),
  );

  // logging/setLevel on one node holds on the others
  await v1.client.setLoggingLevel('error');
  for (let i = 0; i < 3; i++)
    expect(text(await v1.client.callTool({ name: 'count', arguments: { count: 2 } }))).toBe(
      'counted 2',
    );
  expect(v1.logs.filter((l) => l.startsWith('tick'))).toHaveLength(30);

  const sessionId = v1.transport.sessionId as string;
  await v1.transport.terminateSession();
  const doFetch = fetch ?? globalThis.fetch;
  for (let i = 0; i < 3; i++) {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'ping' });
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BOTH, 'mcp-session-id': sessionId },
      body,
    });
    expect(response.status).toBe(404);
  }
  await v1.client.close();
}

/** The TypeMCP client in a legacy session: calls and list changes from any node. */
export async function typemcpLegacyScenario(url: string, fetch?: NodeFetch): Promise<void> {
  const client = new Client({ name: 't', version: '1' }, { mode: 'legacy' });
  const changed: string[] = [];
  client.onNotification('notifications/tools/list_changed', () => void changed.push('tools'));
  await client.connect(new HttpClientTransport(new URL(url), { fetch }));
  const nodes = new Set<string>();
  for (let i = 0; i < 6; i++)
    nodes.add(text(await client.callTool({ name: 'whoami', arguments: {} })));
  expect(nodes.size).toBe(3);
  await client.callTool({ name: 'add_tool', arguments: {} });
  await eventually(() => changed.length === 1, 'tools/list_changed');
  await client.close();
}

/** 2026-07-28: a `subscriptions/listen` stream on one node hears updates sent from the others. */
export async function modernListenScenario(url: string, fetch?: NodeFetch): Promise<void> {
  const client = new Client({ name: 't', version: '1' }, { mode: 'modern' });
  await client.connect(new HttpClientTransport(new URL(url), { fetch }));
  const updates: string[] = [];
  client.onNotification(
    'notifications/resources/updated',
    (p: { uri: string }) => void updates.push(p.uri),
  );
  const stop = new AbortController();
  const acknowledged = new Promise<void>((resolve) =>
    client.onNotification('notifications/subscriptions/acknowledged', () => resolve()),
  );
  void client
    .listen({ resourceSubscriptions: ['cluster://counter'] }, { signal: stop.signal })
    .catch(() => undefined);
  await acknowledged;
  for (let i = 0; i < 3; i++) await client.callTool({ name: 'bump', arguments: {} });
  await eventually(() => updates.length === 3, 'three updates on the listen stream');
  stop.abort();
  await client.close();
}

/** Tasks each node saw cancelled, asking until every node answered (other requests may interleave). */
async function abortedByNode(call: (name: string) => Promise<unknown>): Promise<number> {
  const seen = new Map<string, number>();
  for (let i = 0; i < 60 && seen.size < 3; i++) {
    const [node, count] = text(await call('aborted_jobs')).split(':');
    seen.set(node, Number(count));
  }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/** 2026-07-28 tasks: created on one node, polled, answered (input_required) and cancelled through the others. */
export async function modernTasksScenario(url: string, fetch?: NodeFetch): Promise<void> {
  const client = new Client(
    { name: 't', version: '1' },
    { mode: 'modern', capabilities: { elicitation: {}, extensions: { [TASKS]: {} } } },
  );
  client.setRequestHandler('elicitation/create', () => ({
    action: 'accept',
    content: { ok: true },
  }));
  await client.connect(new HttpClientTransport(new URL(url), { fetch }));
  const statuses: string[] = [];
  const done = await client.tasks.callTool(
    { name: 'confirm_job', arguments: { title: 'backup' } },
    { onStatus: (t) => statuses.push(t.status) },
  );
  expect(text(done)).toBe('Ran backup');
  expect(statuses).toEqual(expect.arrayContaining(['input_required', 'completed']));

  const aborted = () => abortedByNode((name) => client.callTool({ name, arguments: {} }));
  const before = await aborted();
  const pending = client.tasks.callTool(
    { name: 'wait', arguments: { ms: 30_000 } },
    {
      onStatus: (t) => {
        if (t.status === 'working') void client.tasks.cancel(t.taskId).catch(() => undefined);
      },
    },
  );
  await expect(pending).rejects.toBeInstanceOf(TaskCancelledError);
  await eventually(
    async () => (await aborted()) > before,
    'the running node to abort the cancelled task',
  );
  await client.close();
}

/** 2026-07-28 multi round-trip: a requestState used on one node is refused on the next. */
export async function requestStateReplayScenario(url: string, fetch?: NodeFetch): Promise<void> {
  const doFetch = fetch ?? globalThis.fetch;
  const headers = {
    'content-type': 'application/json',
    accept: BOTH,
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': 'tools/call',
    'mcp-name': 'confirm',
  };
  const meta = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
  };
  const call = async (extra: Record<string, unknown>) => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'confirm', arguments: {}, ...extra, _meta: meta },
    });
    return (await (await doFetch(url, { method: 'POST', headers, body })).json()) as {
      result?: Record<string, unknown>;
      error?: { code: number; message: string };
    };
  };
  const first = await call({});
  expect(first.result?.resultType).toBe('input_required');
  const answer = {
    requestState: first.result?.requestState,
    inputResponses: { sure: { action: 'accept', content: { ok: true } } },
  };
  expect(text((await call(answer)).result)).toBe('confirmed');
  const replayed = await call(answer);
  expect(replayed.error).toMatchObject({
    code: -32602,
    message: expect.stringContaining('already used (replayed)'),
  });
}

/** Resolves once `check()` holds. */
export function settled(check: () => boolean): Promise<void> {
  return eventually(check, 'the cluster to settle');
}

/**
 * 2025-11-25 experimental tasks (official 1.x client): a task created on one node is found,
 * awaited (tasks/result) and cancelled through the others; the cancellation aborts the tool
 * where it runs. (A task that asks the client needs its tasks/result on the node running it.)
 */
export async function legacyTasksScenario(url: string, fetch?: NodeFetch): Promise<void> {
  const v1 = await connectV1(url, fetch);
  const messages: Array<{ type: string; task?: { taskId: string }; result?: unknown }> = [];
  for await (const m of v1.client.experimental.tasks.callToolStream(
    { name: 'wait', arguments: { ms: 300 } },
    CallToolResultSchema,
    { task: { ttl: 60_000 } },
  )) {
    messages.push(m as (typeof messages)[number]);
  }
  const created = messages.find((m) => m.type === 'taskCreated')?.task as { taskId: string };
  expect(text(messages[messages.length - 1].result)).toBe('Waited 300 ms');
  for (let i = 0; i < 3; i++)
    expect(await v1.client.experimental.tasks.getTask(created.taskId)).toMatchObject({
      status: 'completed',
    });

  const aborted = () => abortedByNode((name) => v1.client.callTool({ name, arguments: {} }));
  const before = await aborted();
  const stream = v1.client.experimental.tasks.callToolStream(
    { name: 'wait', arguments: { ms: 30_000 } },
    CallToolResultSchema,
    { task: { ttl: 60_000 } },
  );
  const first = (await stream.next()).value as { type: string; task: { taskId: string } };
  expect(first.type).toBe('taskCreated');
  await v1.client.experimental.tasks.cancelTask(first.task.taskId);
  for (let i = 0; i < 3; i++)
    expect(await v1.client.experimental.tasks.getTask(first.task.taskId)).toMatchObject({
      status: 'cancelled',
    });
  await eventually(
    async () => (await aborted()) > before,
    'the running node to abort the cancelled task',
  );
  await stream.return(undefined);
  await v1.client.close();
}
