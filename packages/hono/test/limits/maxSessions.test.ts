/**
 * maxSessions over a real server on 127.0.0.1: legacy Streamable HTTP sessions and HTTP+SSE
 * streams count together; at the limit the oldest idle session makes room, and only when every
 * session is busy do `initialize` and `GET /sse` get 503 with a truthful Retry-After and a
 * JSON-RPC error naming the option; nothing is created, and ending any session makes room again.
 */
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { BOTH, openSession, until } from '../support/http';
import { expectLimit, gatedServer } from './gatedServer';

let running: RunningHttpServer;
beforeAll(async () => {
  running = await serve(gatedServer().server, { port: 0, handleSignals: false, maxSessions: 3 });
});
afterAll(() => running.close());

const initialize = (id: number) =>
  fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: BOTH },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 't', version: '1' },
      },
    }),
  });

/** Opens the session's GET stream (the session is busy while it is open). */
async function hold(session: { id: string; headers: Record<string, string> }): Promise<Response> {
  const get = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...session.headers, accept: 'text/event-stream' },
  });
  await until(() => running.app.mcp.sessions.get(session.id)?.openStreams === 1);
  return get;
}

it('refuses the session past maxSessions with 503 while every session is busy, and accepts again once one ended', async () => {
  const a = await openSession(running.url);
  const b = await openSession(running.url);
  await Promise.all([a.init.text(), b.init.text()]);
  const streams = [await hold(a), await hold(b)];
  const sse = await fetch(`${running.url}/sse`, { headers: { accept: 'text/event-stream' } });
  expect(sse.status).toBe(200);
  await until(() => running.app.mcp.stats().sseSessions === 1);
  expect(running.app.mcp.stats()).toMatchObject({ sessions: 2, sseSessions: 1 });

  // every session holds an open stream: retry in 30 s, not 1
  await expectLimit(await initialize(41), 503, 'maxSessions', 41, '30');
  await expectLimit(
    await fetch(`${running.url}/sse`, { headers: { accept: 'text/event-stream' } }),
    503,
    'maxSessions',
    undefined,
    '30',
  );
  expect(running.app.mcp.stats()).toMatchObject({ sessions: 2, sseSessions: 1 });

  // existing sessions keep working at the limit
  const call = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: a.headers,
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"now"}}',
  });
  expect(await call.text()).toContain('now done');

  // the HTTP+SSE stream goes away: room for one legacy session
  await sse.body?.cancel();
  await until(() => running.app.mcp.stats().sseSessions === 0);
  const c = await initialize(42);
  expect(c.status).toBe(200);
  const cHeaders = { ...a.headers, 'mcp-session-id': c.headers.get('mcp-session-id') as string };
  await c.text();
  streams.push(await hold({ id: cHeaders['mcp-session-id'], headers: cHeaders }));
  await expectLimit(await initialize(43), 503, 'maxSessions', 43, '30');

  // DELETE ends one: room again
  expect((await fetch(`${running.url}/mcp`, { method: 'DELETE', headers: b.headers })).status).toBe(
    200,
  );
  const d = await initialize(44);
  expect(d.status).toBe(200);
  expect(d.headers.get('mcp-session-id')).toMatch(/^[0-9a-f-]{36}$/);
  await d.text();
  expect(running.app.mcp.stats().sessions).toBe(3);
  await Promise.all(streams.map((s) => s.body?.cancel()));
  await until(() => running.app.mcp.stats().openStreams === 0);
});

it('at the limit, the least recently active idle session makes room for a new one', async () => {
  for (const id of [...running.app.mcp.sessions.keys()])
    await running.app.mcp.sessions.get(id)?.close();
  const [x, y, z] = [
    await openSession(running.url),
    await openSession(running.url),
    await openSession(running.url),
  ];
  await Promise.all([x.init.text(), y.init.text(), z.init.text()]);
  // x is used again: y is now the least recently active
  await (
    await fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers: x.headers,
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"now"}}',
    })
  ).text();
  const fresh = await initialize(50);
  expect(fresh.status).toBe(200);
  await fresh.text();
  const sessions = [...running.app.mcp.sessions.keys()];
  expect(sessions).toHaveLength(3);
  expect(sessions).not.toContain(y.id);
  expect(sessions).toEqual(expect.arrayContaining([x.id, z.id]));
});
