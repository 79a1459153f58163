/**
 * Issue 14, item 3: 20 000 concurrent 30-second tasks were accepted over stateless requests and
 * kept for their TTL. Live tasks are now capped per owner (the authenticated subject, else the
 * 2025-11-25 session, else all anonymous 2026-07-28 callers together) and in all, refused like
 * every other limit (-32603, `data: { limit, value }`).
 */
import { openLegacySession } from './support/legacySession';
import 'reflect-metadata';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createServer } from '@typemcp/server';
import { Issue14Target } from './fixtures/issue14Target';

jest.setTimeout(120_000);

const BOTH = 'application/json, text/event-stream';
const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {
    extensions: { 'io.modelcontextprotocol/tasks': {} },
  },
};
let running: RunningHttpServer;
const app = createServer({ providers: [Issue14Target], tasks: { maxLiveTasks: 150 } });
beforeAll(async () => {
  running = await serve(app, { port: 0, handleSignals: false });
});
afterAll(() => running.close());

async function startTask(id: number): Promise<Record<string, any>> {
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: BOTH,
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'hold',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'hold', arguments: { ms: 30_000 }, _meta: META },
    }),
  });
  return (await res.json()) as Record<string, any>;
}

const legacySession = () => openLegacySession(running.url);

async function startLegacyTask(
  headers: Record<string, string>,
  id: number,
): Promise<Record<string, any>> {
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'hold', arguments: { ms: 30_000 }, task: { ttl: 60_000 } },
    }),
  });
  const data = (await res.text()).split('\n').find((l) => l.startsWith('data: {')) as string;
  return JSON.parse(data.slice(6)) as Record<string, any>;
}

it('caps anonymous stateless tasks per owner, 2025-11-25 sessions each as their own owner, and all of them together', async () => {
  const replies: Array<Record<string, any>> = [];
  for (let batch = 0; batch < 6; batch++) {
    replies.push(
      ...(await Promise.all(Array.from({ length: 50 }, (_, i) => startTask(batch * 50 + i)))),
    );
  }
  const accepted = replies.filter((r) => r.result?.resultType === 'task');
  const refused = replies.filter((r) => r.error);
  expect(accepted).toHaveLength(100);
  expect(refused).toHaveLength(200);
  expect(refused[0].error).toMatchObject({
    code: -32603,
    data: { limit: 'maxLiveTasksPerOwner', value: 100 },
  });

  // a session is an owner of its own: 50 more fit under maxLiveTasks (150), then the server is full
  const session = await legacySession();
  const legacy: Array<Record<string, any>> = [];
  for (let id = 1; id <= 60; id++) legacy.push(await startLegacyTask(session, id));
  expect(legacy.filter((r) => r.result?.task?.status === 'working')).toHaveLength(50);
  expect(legacy[59].error).toMatchObject({
    code: -32603,
    data: { limit: 'maxLiveTasks', value: 150 },
  });
  expect(app.tasks.budget.size).toBe(150);

  // the session ends: its tasks are cancelled and their slots freed
  await fetch(`${running.url}/mcp`, { method: 'DELETE', headers: session });
  const until = Date.now() + 10_000;
  while (app.tasks.budget.size > 100 && Date.now() < until)
    await new Promise((r) => setTimeout(r, 10));
  expect(app.tasks.budget.size).toBe(100);
});
