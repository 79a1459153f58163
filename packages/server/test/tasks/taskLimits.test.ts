/**
 * Issue 14, item 3: live tasks are capped per owner and in all (refused like every other limit),
 * creating a task costs O(1) however many are stored, and expired tasks are freed — an
 * input_required task included, which used to stay in TaskManager's running map for good.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { InMemoryTransport } from '@typemcp/protocol';
import type { JSONRPCMessage } from '@typemcp/protocol';
import { Context, createServer, InMemoryTaskStore, McpServer, Tool } from '@typemcp/server';
import type { Server, TaskRecord } from '@typemcp/server';

const newTaskRecordForTest = (ttlMs: number): TaskRecord => {
  const now = new Date().toISOString();
  return {
    taskId: randomUUID(),
    status: 'working',
    createdAt: now,
    lastUpdatedAt: now,
    ttlMs,
    pollIntervalMs: 250,
    answers: {},
  };
};

/** A raw peer whose requests may carry an authenticated subject. */
async function connect(server: Server) {
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const replies = new Map<number, (m: JSONRPCMessage) => void>();
  client.onmessage = (m) => {
    if ('id' in m && !('method' in m)) replies.get(m.id as number)?.(m);
  };
  await client.start();
  await server.connect(serverSide);
  let nextId = 1;
  return {
    async request(
      method: string,
      params: Record<string, unknown>,
      extra?: { auth: { subject: string } },
    ): Promise<unknown> {
      const id = nextId++;
      const reply = new Promise<JSONRPCMessage>((resolve) => replies.set(id, resolve));
      serverSide.extra = extra; // what the server side receives the message with
      await client.send({ jsonrpc: '2.0', id, method, params });
      await Promise.resolve(); // delivered in a microtask
      serverSide.extra = undefined;
      return reply;
    },
  };
}

const TASKS = { 'io.modelcontextprotocol/tasks': {} };
const meta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { elicitation: {}, extensions: TASKS },
};
type Res = {
  result?: Record<string, any>;
  error?: { code: number; message: string; data?: unknown };
};

@McpServer({ name: 'capped', version: '1.0.0' })
class Capped {
  @Tool({ task: 'required' })
  async hold(ctx: Context): Promise<string> {
    await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
    return 'released';
  }

  @Tool({ task: 'required' })
  async ask(ctx: Context): Promise<string> {
    const a = await ctx.elicit(
      'Go?',
      { type: 'object', properties: { ok: { type: 'boolean' } } },
      { key: 'go' },
    );
    return a.action;
  }
}

it('refuses a task past maxLiveTasksPerOwner and maxLiveTasks with -32603 naming the option, and takes new ones once some end', async () => {
  const app = createServer({
    providers: [Capped],
    tasks: { maxLiveTasks: 5, maxLiveTasksPerOwner: 3 },
  });
  const peer = await connect(app.server);
  const call = async (subject?: string) =>
    (await peer.request(
      'tools/call',
      { name: 'hold', arguments: {}, _meta: meta },
      subject ? { auth: { subject } } : undefined,
    )) as Res;
  const mine = [await call(), await call(), await call()];
  expect(mine.every((r) => r.result?.status === 'working')).toBe(true);
  const fourth = await call();
  expect(fourth.error).toMatchObject({
    code: -32603,
    data: { limit: 'maxLiveTasksPerOwner', value: 3 },
  });
  expect(fourth.error?.message).toMatchInlineSnapshot(
    `"Too many live tasks for this caller (maxLiveTasksPerOwner = 3): wait for tasks to finish and retry, or raise the tasks.maxLiveTasksPerOwner option"`,
  );
  expect((await call('alice')).result?.status).toBe('working');
  expect((await call('bob')).result?.status).toBe('working');
  expect((await call('carol')).error).toMatchObject({
    code: -32603,
    data: { limit: 'maxLiveTasks', value: 5 },
  });
  await peer.request('tasks/cancel', { taskId: mine[0].result?.taskId, _meta: meta });
  expect((await call()).result?.status).toBe('working');
  expect(app.tasks.budget.size).toBe(5);
});

it('frees an input_required task when its record expires', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  try {
    const app = createServer({
      providers: [Capped],
      tasks: { ttlMs: 60_000, maxLiveTasksPerOwner: 1 },
    });
    const peer = await connect(app.server);
    const created = (await peer.request('tools/call', {
      name: 'ask',
      arguments: {},
      _meta: meta,
    })) as Res;
    for (let i = 0; i < 50 && app.tasks.liveTasks === 1; i++) {
      const got = (await peer.request('tasks/get', {
        taskId: created.result?.taskId,
        _meta: meta,
      })) as Res;
      if (got.result?.status === 'input_required') break;
    }
    expect(app.tasks.liveTasks).toBe(1);
    expect(
      ((await peer.request('tools/call', { name: 'ask', arguments: {}, _meta: meta })) as Res).error
        ?.code,
    ).toBe(-32603);
    jest.advanceTimersByTime(60_001);
    expect(app.tasks.liveTasks).toBe(0);
    expect(app.tasks.budget.size).toBe(0);
    expect(
      ((await peer.request('tasks/get', { taskId: created.result?.taskId, _meta: meta })) as Res)
        .error?.code,
    ).toBe(-32602);
    expect(
      ((await peer.request('tools/call', { name: 'ask', arguments: {}, _meta: meta })) as Res)
        .result?.status,
    ).toBe('working');
  } finally {
    jest.useRealTimers();
  }
});

describe('InMemoryTaskStore', () => {
  it('creates in O(1): 100 000 tasks cost about 10 × 10 000', async () => {
    const time = async (n: number) => {
      const store = new InMemoryTaskStore({ maxTasks: 1_000_000 });
      const start = performance.now();
      for (let i = 0; i < n; i++) await store.create(newTaskRecordForTest(60_000));
      return performance.now() - start;
    };
    await time(10_000); // warm up
    const small = await time(10_000);
    const large = await time(100_000);
    expect(large).toBeLessThan(40 * Math.max(small, 1)); // quadratic would be 100 ×
  });

  it('frees expired records as time passes, without a lookup', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const store = new InMemoryTaskStore();
      for (let i = 0; i < 1000; i++) await store.create(newTaskRecordForTest(5_000));
      await store.create(newTaskRecordForTest(60_000));
      expect(store.size).toBe(1001);
      jest.setSystemTime(1_000_000 + 6_000);
      await store.create(newTaskRecordForTest(60_000));
      expect(store.size).toBe(2);
      jest.setSystemTime(1_000_000 + 3_600_000); // idle for an hour
      await store.create(newTaskRecordForTest(60_000));
      expect(store.size).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps at most maxTasks records: the oldest final one makes room', async () => {
    const store = new InMemoryTaskStore({ maxTasks: 3 });
    const a = newTaskRecordForTest(60_000);
    const b = { ...newTaskRecordForTest(60_000), status: 'completed' as const };
    await store.create(a);
    await store.create(b);
    await store.create(newTaskRecordForTest(60_000));
    await store.create(newTaskRecordForTest(60_000));
    expect(store.size).toBe(3);
    expect(await store.get(a.taskId)).toBeDefined();
    expect(await store.get(b.taskId)).toBeUndefined();
  });
});
