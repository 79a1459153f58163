/**
 * The TypeMCP client's task helpers (`client.tasks`) in both eras: against an official 1.x server
 * with a 2025-11-25 task tool (stdio), and against a TypeMCP server in a 2025-11-25 session
 * (stdio: the question arrives on tasks/result) and in the 2026-07-28 era with the
 * io.modelcontextprotocol/tasks extension (HTTP: the question is answered through tasks/update).
 */
import 'reflect-metadata';
import * as path from 'node:path';
import {
  Client,
  HttpClientTransport,
  StdioClientTransport,
  TaskCancelledError,
} from '@typemcp/client';
import type { TaskInfo } from '@typemcp/client';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createServer } from '@typemcp/server';
import { Jobs } from '../fixtures/jobs';
import { tsNodeCommand } from '../support/spawnTs';

jest.setTimeout(60_000);

const TASKS = 'io.modelcontextprotocol/tasks';
const text = (r: { content: unknown }) => (r.content as Array<{ text: string }>)[0].text;

function answering(client: Client, asked: string[]): Client {
  client.setRequestHandler('elicitation/create', (params) => {
    asked.push(String(params.message));
    return { action: 'accept', content: { ok: true } };
  });
  return client;
}

it("runs an official 1.x server's task tool to its result, polling with tasks/get", async () => {
  const client = new Client({ name: 't', version: '1' }, { mode: 'legacy' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [path.resolve(__dirname, '../fixtures/officialTaskServer.cjs')],
      stderr: 'ignore',
    }),
  );
  const seen: TaskInfo[] = [];
  const result = await client.tasks.callTool(
    { name: 'long_job', arguments: { ms: 300 } },
    { onStatus: (t) => seen.push(t) },
  );
  expect(text(result)).toBe('job done after 300 ms');
  expect(seen[0]).toMatchObject({ status: 'working', ttlMs: 60000, pollIntervalMs: 100 });
  expect(seen.map((t) => t.status)).toContain('completed');
  const listed = await client.tasks.list();
  expect(listed.tasks.map((t) => t.taskId)).toContain(seen[0].taskId);
  await client.close();
});

describe('against a TypeMCP server', () => {
  let http: RunningHttpServer;
  beforeAll(async () => {
    http = await serve(createServer({ providers: [Jobs], tasks: { pollIntervalMs: 50 } }), {
      port: 0,
      handleSignals: false,
    });
  });
  afterAll(() => http.close());

  it('2025-11-25 over stdio: a task that asks the user, answered while tasks/result is open', async () => {
    const asked: string[] = [];
    const client = answering(
      new Client(
        { name: 't', version: '1' },
        { mode: 'legacy', capabilities: { elicitation: {} } },
      ),
      asked,
    );
    await client.connect(
      new StdioClientTransport({ ...tsNodeCommand('tests/fixtures/jobs.ts'), stderr: 'ignore' }),
    );
    const statuses: string[] = [];
    const result = await client.tasks.callTool(
      { name: 'report', arguments: { title: 'Q4' } },
      { ttlMs: 30_000, onStatus: (t) => statuses.push(t.status) },
    );
    expect(text(result)).toBe('Published Q4');
    expect(asked).toEqual(['Publish "Q4"?']);
    expect(statuses[0]).toBe('working');
    await expect(client.tasks.callTool({ name: 'crash', arguments: {} })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('No such report'),
    });
    await client.close();
  });

  it('2026-07-28 over HTTP: callTool waits for the task, answering its question through tasks/update', async () => {
    const asked: string[] = [];
    const client = answering(
      new Client(
        { name: 't', version: '1' },
        { mode: 'modern', capabilities: { elicitation: {}, extensions: { [TASKS]: {} } } },
      ),
      asked,
    );
    await client.connect(new HttpClientTransport(new URL(`${http.url}/mcp`)));
    expect(client.era).toBe('modern');
    const statuses: string[] = [];
    const viaTasks = await client.tasks.callTool(
      { name: 'report', arguments: { title: 'Q1' } },
      { onStatus: (t) => statuses.push(t.status) },
    );
    expect(text(viaTasks)).toBe('Published Q1');
    expect(statuses).toEqual(expect.arrayContaining(['working', 'input_required', 'completed']));
    expect(text(await client.callTool({ name: 'report', arguments: { title: 'Q2' } }))).toBe(
      'Published Q2',
    );
    expect(asked).toEqual(['Publish "Q1"?', 'Publish "Q2"?']);
    await client.close();
  });

  it('a task cancelled meanwhile rejects with TaskCancelledError in both eras', async () => {
    for (const mode of ['legacy', 'modern'] as const) {
      const client = new Client(
        { name: 't', version: '1' },
        { mode, capabilities: { extensions: { [TASKS]: {} } } },
      );
      await client.connect(new HttpClientTransport(new URL(`${http.url}/mcp`)));
      const pending = client.tasks.callTool(
        { name: 'wait', arguments: { ms: 20_000 } },
        {
          onStatus: (t) => {
            if (t.status === 'working') void client.tasks.cancel(t.taskId).catch(() => undefined);
          },
        },
      );
      await expect(pending).rejects.toBeInstanceOf(TaskCancelledError);
      await client.close();
    }
  });
});
