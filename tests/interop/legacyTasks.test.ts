/**
 * The experimental tasks of 2025-11-25 (basic/utilities/tasks), driven by the official 1.x
 * client's task API over stdio and Streamable HTTP: task-augmented `tools/call`, polling with
 * `tasks/get`, an elicitation delivered on `tasks/result` with the related-task `_meta`, results
 * and errors exactly as the plain call would give them, `tasks/list`, `tasks/cancel` (the tool's
 * signal aborts), `notifications/tasks/status`, and the -32601/-32602 errors of the spec.
 */
import 'reflect-metadata';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as V1Stdio } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport as V1Http } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CallToolResultSchema,
  ElicitRequestSchema,
  TaskStatusNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createServer } from '@typemcp/server';
import { Jobs } from '../fixtures/jobs';
import { tsNodeCommand } from '../support/spawnTs';

jest.setTimeout(60_000);

let http: RunningHttpServer;
beforeAll(async () => {
  http = await serve(createServer({ providers: [Jobs], tasks: { pollIntervalMs: 50 } }), {
    port: 0,
    handleSignals: false,
  });
});
afterAll(() => http.close());

interface Connected {
  client: V1Client;
  elicitations: Array<{ message: string; meta: unknown }>;
  statuses: string[];
}

const transports: Array<[string, () => V1Stdio | V1Http]> = [
  ['stdio', () => new V1Stdio({ ...tsNodeCommand('tests/fixtures/jobs.ts'), stderr: 'ignore' })],
  ['Streamable HTTP', () => new V1Http(new URL(`${http.url}/mcp`))],
];

async function connect(make: () => V1Stdio | V1Http): Promise<Connected> {
  const client = new V1Client({ name: 'v1', version: '1' }, { capabilities: { elicitation: {} } });
  const connected: Connected = { client, elicitations: [], statuses: [] };
  client.setRequestHandler(ElicitRequestSchema, (req) => {
    connected.elicitations.push({ message: String(req.params.message), meta: req.params._meta });
    return { action: 'accept', content: { ok: true } };
  });
  client.setNotificationHandler(
    TaskStatusNotificationSchema,
    (n) => void connected.statuses.push(`${n.params.taskId}:${n.params.status}`),
  );
  await client.connect(make());
  return connected;
}

async function drain<T>(stream: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const message of stream) out.push(message);
  return out;
}

describe.each(transports)('official 1.x client over %s', (_name, make) => {
  let c: Connected;
  beforeEach(async () => {
    c = await connect(make);
  });
  afterEach(() => c.client.close());

  it("sees the tasks capability and each tool's taskSupport", async () => {
    expect(c.client.getServerCapabilities()?.tasks).toEqual({
      list: {},
      cancel: {},
      requests: { tools: { call: {} } },
    });
    const { tools } = await c.client.listTools();
    const support = Object.fromEntries(tools.map((t) => [t.name, t.execution?.taskSupport]));
    expect(support).toMatchObject({ report: 'optional', batch: 'required', plain: undefined });
  });

  it('runs a tool as a task that asks the user on tasks/result, and returns what the call would have', async () => {
    const messages = await drain(
      c.client.experimental.tasks.callToolStream(
        { name: 'report', arguments: { title: 'Q3' } },
        CallToolResultSchema,
        { task: { ttl: 30_000 } },
      ),
    );
    const created = messages.find((m) => m.type === 'taskCreated') as {
      task: { taskId: string; status: string; ttl: number; pollInterval: number };
    };
    expect(created.task).toMatchObject({
      status: 'working',
      ttl: 30_000,
      pollInterval: expect.any(Number),
    });
    const last = messages[messages.length - 1] as {
      type: string;
      result: { content: Array<{ text: string }>; _meta: Record<string, unknown> };
    };
    expect(last.type).toBe('result');
    expect(last.result.content[0].text).toBe('Published Q3');
    expect(last.result._meta['io.modelcontextprotocol/related-task']).toEqual({
      taskId: created.task.taskId,
    });
    expect(c.elicitations).toEqual([
      {
        message: 'Publish "Q3"?',
        meta: { 'io.modelcontextprotocol/related-task': { taskId: created.task.taskId } },
      },
    ]);
    const final = await c.client.experimental.tasks.getTask(created.task.taskId);
    expect(final).toMatchObject({ taskId: created.task.taskId, status: 'completed' });
    expect(Date.parse(final.lastUpdatedAt)).toBeGreaterThanOrEqual(Date.parse(final.createdAt));
    await new Promise((r) => setTimeout(r, 50));
    expect(c.statuses).toEqual(
      expect.arrayContaining([
        `${created.task.taskId}:input_required`,
        `${created.task.taskId}:completed`,
      ]),
    );
  });

  it('reports a tool error as a failed task whose result is the error result, and a JSON-RPC error as that error', async () => {
    const broken = await drain(
      c.client.experimental.tasks.callToolStream(
        { name: 'broken', arguments: {} },
        CallToolResultSchema,
        { task: {} },
      ),
    );
    const brokenId = (broken[0] as { task: { taskId: string } }).task.taskId;
    const task = await c.client.experimental.tasks.getTask(brokenId);
    expect(task).toMatchObject({
      status: 'failed',
      statusMessage: expect.stringContaining('The disk is full'),
    });
    const payload = await c.client.experimental.tasks.getTaskResult(brokenId, CallToolResultSchema);
    expect(payload).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: expect.stringContaining('The disk is full') }],
    });

    const crash = await drain(
      c.client.experimental.tasks.callToolStream(
        { name: 'crash', arguments: {} },
        CallToolResultSchema,
        { task: {} },
      ),
    );
    const crashId = (crash[0] as { task: { taskId: string } }).task.taskId;
    await expect(
      c.client.experimental.tasks.getTaskResult(crashId, CallToolResultSchema),
    ).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('No such report') });
  });

  it('cancels a running task (the tool stops), lists tasks, and refuses to cancel a final one', async () => {
    const before = Number(
      /aborted=(\d+)/.exec(
        (
          (await c.client.callTool({ name: 'stats', arguments: {} })).content as Array<{
            text: string;
          }>
        )[0].text,
      )![1],
    );
    const created = (await c.client.request(
      {
        method: 'tools/call',
        params: { name: 'wait', arguments: { ms: 20_000 }, task: { ttl: 60_000 } },
      },
      CallToolResultSchema.passthrough(),
    )) as unknown as { task: { taskId: string } };
    const taskId = created.task.taskId;
    const listed = await c.client.experimental.tasks.listTasks();
    expect(listed.tasks.map((t) => t.taskId)).toContain(taskId);
    const cancelled = await c.client.experimental.tasks.cancelTask(taskId);
    expect(cancelled).toMatchObject({ taskId, status: 'cancelled' });
    const after = Number(
      /aborted=(\d+)/.exec(
        (
          (await c.client.callTool({ name: 'stats', arguments: {} })).content as Array<{
            text: string;
          }>
        )[0].text,
      )![1],
    );
    expect(after).toBe(before + 1);
    expect((await c.client.experimental.tasks.getTask(taskId)).status).toBe('cancelled');
    await expect(c.client.experimental.tasks.cancelTask(taskId)).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining("already in terminal status 'cancelled'"),
    });
  });

  it("answers the spec's errors: unknown task, task on a plain tool, required task called plainly", async () => {
    await expect(c.client.experimental.tasks.getTask('no-such-task')).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('Task not found'),
    });
    await expect(
      c.client.experimental.tasks.getTaskResult('no-such-task', CallToolResultSchema),
    ).rejects.toMatchObject({ code: -32602 });
    await expect(
      c.client.request(
        { method: 'tools/call', params: { name: 'plain', arguments: {}, task: {} } },
        CallToolResultSchema,
      ),
    ).rejects.toMatchObject({ code: -32601 });
    await expect(
      c.client.request(
        { method: 'tools/call', params: { name: 'batch', arguments: { count: 3 } } },
        CallToolResultSchema,
      ),
    ).rejects.toMatchObject({
      code: -32601,
      message: expect.stringContaining('must be called as a task'),
    });
    const done = await drain(
      c.client.experimental.tasks.callToolStream(
        { name: 'batch', arguments: { count: 3 } },
        CallToolResultSchema,
        { task: {} },
      ),
    );
    expect(done[done.length - 1]).toMatchObject({
      type: 'result',
      result: { content: [{ text: 'Processed 3 items' }] },
    });
  });
});

it('keeps tasks apart: another session cannot see or cancel them', async () => {
  const a = await connect(transports[1][1]);
  const b = await connect(transports[1][1]);
  const created = (await a.client.request(
    { method: 'tools/call', params: { name: 'wait', arguments: { ms: 10_000 }, task: {} } },
    CallToolResultSchema.passthrough(),
  )) as unknown as { task: { taskId: string } };
  await expect(b.client.experimental.tasks.getTask(created.task.taskId)).rejects.toMatchObject({
    code: -32602,
  });
  await expect(b.client.experimental.tasks.cancelTask(created.task.taskId)).rejects.toMatchObject({
    code: -32602,
  });
  expect((await b.client.experimental.tasks.listTasks()).tasks).toEqual([]);
  await a.client.experimental.tasks.cancelTask(created.task.taskId);
  await Promise.all([a.client.close(), b.client.close()]);
});

it('gives pre-2025-11-25 sessions no tasks: the capability is absent and task tools run as plain calls', async () => {
  // Ask for 2025-06-18 by speaking it from the first message.
  const session = await fetch(`${http.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'old', version: '1' },
      },
    }),
  });
  const body = await session.text();
  expect(body).toContain('"protocolVersion":"2025-06-18"');
  expect(body).not.toContain('"tasks"');
  const id = session.headers.get('mcp-session-id') as string;
  const call = await fetch(`${http.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-session-id': id,
      'mcp-protocol-version': '2025-06-18',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'batch', arguments: { count: 2 }, task: {} },
    }),
  });
  expect(await call.text()).toContain('Processed 2 items');
});

it('stops a task bound to a session when that session ends', async () => {
  const aborted = async (c: Connected) =>
    Number(
      /aborted=(\d+)/.exec(
        (
          (await c.client.callTool({ name: 'stats', arguments: {} })).content as Array<{
            text: string;
          }>
        )[0].text,
      )![1],
    );
  const observer = await connect(transports[1][1]);
  const before = await aborted(observer);
  const transport = new V1Http(new URL(`${http.url}/mcp`));
  const owner = new V1Client({ name: 'owner', version: '1' });
  await owner.connect(transport);
  await owner.request(
    { method: 'tools/call', params: { name: 'wait', arguments: { ms: 20_000 }, task: {} } },
    CallToolResultSchema.passthrough(),
  );
  await transport.terminateSession(); // DELETE: the session ends
  await owner.close();
  const deadline = Date.now() + 5000;
  while ((await aborted(observer)) === before && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  expect(await aborted(observer)).toBe(before + 1);
  await observer.client.close();
});
