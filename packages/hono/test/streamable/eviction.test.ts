/**
 * Many legacy sessions at once, then idle eviction by the sweeper: the sessions, their server
 * connections and their memory are freed (measured with WeakRefs after a forced GC).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';
import { openSession, until } from '../support/http';

jest.setTimeout(120_000);
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

it('holds 200 concurrent sessions, then evicts them once idle and frees their memory', async () => {
  const server = new Server({ name: 'many', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  const running = await serve(server, {
    port: 0,
    handleSignals: false,
    sessionIdleTimeoutMs: 4000,
  }); // long enough for 200 sessions to open on a busy machine
  try {
    const opened = await Promise.all(Array.from({ length: 200 }, () => openSession(running.url)));
    await Promise.all(opened.map((s) => s.init.text()));
    expect(new Set(opened.map((s) => s.id)).size).toBe(200);
    expect(running.app.mcp.sessions.size).toBe(200);
    expect(server.connectionCount).toBe(200);
    const refs = [...running.app.mcp.sessions.values()].map((s) => new WeakRef(s));

    // one session stays busy with an open GET stream: it must survive
    const keep = opened[0];
    const get = await fetch(`${running.url}/mcp`, {
      method: 'GET',
      headers: { ...keep.headers, accept: 'text/event-stream' },
    });
    await until(() => running.app.mcp.sessions.get(keep.id)?.openStreams === 1);

    await until(() => running.app.mcp.sessions.size === 1, 60_000);
    expect(running.app.mcp.sessions.has(keep.id)).toBe(true);
    expect(server.connectionCount).toBe(1);
    const evicted = await fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers: opened[1].headers,
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    });
    expect(evicted.status).toBe(404);

    await new Promise((r) => setTimeout(r, 50));
    gc();
    await new Promise((r) => setTimeout(r, 0));
    gc();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    expect(alive).toBe(1); // only the busy one
    await get.body?.cancel();
  } finally {
    await running.close();
  }
});
