/**
 * Legacy Streamable HTTP (2025-03-26 … 2025-11-25) over a real server on 127.0.0.1: the session
 * lifecycle, the GET stream, each message on one stream, JSON mode, DELETE. SPEC.md 3.3.
 */
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { BOTH, messagesOf, openSession, readEvents, until } from '../support/http';

function lowLevel(): Server {
  const server = new Server({ name: 'legacy', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({
    tools: [{ name: 'work', inputSchema: { type: 'object' } }],
  }));
  server.setRequestHandler('tools/call', async (_params, ctx) => {
    await ctx.sendProgress(1, 2, 'half');
    return { content: [{ type: 'text', text: 'done' }] };
  });
  server.addCapabilities({ tools: { listChanged: true } });
  return server;
}

let sse: RunningHttpServer;
let json: RunningHttpServer;
beforeAll(async () => {
  sse = await serve(lowLevel(), { port: 0, handleSignals: false });
  json = await serve(lowLevel(), { port: 0, handleSignals: false, enableJsonResponse: true });
});
afterAll(() => Promise.all([sse.close(), json.close()]));

describe('SSE replies (the default)', () => {
  it('initialize opens a session: a random id, a primed SSE reply with retry, the negotiated version', async () => {
    const { id, init } = await openSession(sse.url);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(init.headers.get('content-type')).toBe('text/event-stream');
    expect(init.headers.get('x-accel-buffering')).toBe('no');
    const events = await readEvents(init);
    expect(events[0]).toMatchObject({ data: '', retry: 1000 });
    expect(events[0].id).toBeDefined();
    expect(messagesOf(events)).toEqual([
      expect.objectContaining({
        id: 0,
        result: expect.objectContaining({ protocolVersion: '2025-11-25' }),
      }),
    ]);
  });

  it('a 2025-03-26 session (no MCP-Protocol-Version header) gets no priming event', async () => {
    const { headers } = await openSession(sse.url, '2025-03-26');
    delete headers['mcp-protocol-version'];
    const res = await fetch(`${sse.url}/mcp`, {
      method: 'POST',
      headers,
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    });
    const events = await readEvents(res);
    expect(events).toHaveLength(1);
    expect(messagesOf(events)[0].result.tools[0].name).toBe('work');
  });

  it('answers a request on its own stream, progress first; the GET stream gets broadcasts only', async () => {
    const { headers } = await openSession(sse.url);
    const get = await fetch(`${sse.url}/mcp`, {
      method: 'GET',
      headers: { ...headers, accept: 'text/event-stream' },
    });
    expect(get.status).toBe(200);
    const standalone = readEvents(get, (events) => messagesOf(events).length >= 1);
    const second = await fetch(`${sse.url}/mcp`, {
      method: 'GET',
      headers: { ...headers, accept: 'text/event-stream' },
    });
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe(-32600);

    const call = await fetch(`${sse.url}/mcp`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'work', _meta: { progressToken: 'p' } },
      }),
    });
    const onPost = messagesOf(await readEvents(call));
    expect(onPost.map((m) => m.method ?? 'result')).toEqual(['notifications/progress', 'result']);

    await until(() => sse.app.mcp.sessions.get(headers['mcp-session-id'])?.openStreams === 1);
    sse.app.mcp.server.sendToolListChanged();
    expect(messagesOf(await standalone)).toEqual([
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
    ]);
  });

  it('answers a POSTed response or notification with 202 and no body', async () => {
    const { headers } = await openSession(sse.url);
    const res = await fetch(`${sse.url}/mcp`, {
      method: 'POST',
      headers,
      body: '{"jsonrpc":"2.0","id":99,"result":{}}',
    });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
  });

  it('DELETE ends the session at once; afterwards POST, GET and DELETE are 404', async () => {
    const { id, headers } = await openSession(sse.url);
    expect(sse.app.mcp.sessions.has(id)).toBe(true);
    expect((await fetch(`${sse.url}/mcp`, { method: 'DELETE', headers })).status).toBe(200);
    expect(sse.app.mcp.sessions.has(id)).toBe(false);
    const post = await fetch(`${sse.url}/mcp`, {
      method: 'POST',
      headers,
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    });
    const get = await fetch(`${sse.url}/mcp`, {
      method: 'GET',
      headers: { ...headers, accept: 'text/event-stream' },
    });
    const del = await fetch(`${sse.url}/mcp`, { method: 'DELETE', headers });
    expect([post.status, get.status, del.status]).toEqual([404, 404, 404]);
    expect((await post.json()).error.code).toBe(-32600);
  });

  it('a failed initialize is a JSON error and leaves no session behind', async () => {
    const before = sse.app.mcp.sessions.size;
    const res = await fetch(`${sse.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BOTH },
      body: '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":42}}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('mcp-session-id')).toBeNull();
    expect((await res.json()).error.code).toBe(-32602);
    expect(sse.app.mcp.sessions.size).toBe(before);
  });

  it('refuses a request id already in flight in the session', async () => {
    const server = new Server({ name: 'slow', version: '1', onerror: () => undefined });
    let release!: () => void;
    server.setRequestHandler(
      'tools/call',
      () => new Promise((r) => (release = () => r({ content: [] }))),
    );
    const target = await serve(server, { port: 0, handleSignals: false });
    try {
      const { headers } = await openSession(target.url);
      const body = '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"x"}}';
      const first = await fetch(`${target.url}/mcp`, { method: 'POST', headers, body });
      const again = await fetch(`${target.url}/mcp`, { method: 'POST', headers, body });
      expect(again.status).toBe(400);
      release();
      expect(messagesOf(await readEvents(first))[0].id).toBe(5);
    } finally {
      await target.close();
    }
  });
});

describe('JSON replies (enableJsonResponse)', () => {
  it('answers initialize and requests with one JSON body; related notifications go to the GET stream', async () => {
    const { headers, init } = await openSession(json.url);
    expect(init.headers.get('content-type')).toBe('application/json');
    expect((await init.json()).result.protocolVersion).toBe('2025-11-25');
    const get = await fetch(`${json.url}/mcp`, {
      method: 'GET',
      headers: { ...headers, accept: 'text/event-stream' },
    });
    const standalone = readEvents(get, (events) => messagesOf(events).length >= 1);
    await until(() => json.app.mcp.sessions.get(headers['mcp-session-id'])?.openStreams === 1);
    const res = await fetch(`${json.url}/mcp`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'work', _meta: { progressToken: 'p' } },
      }),
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect((await res.json()).result.content[0].text).toBe('done');
    expect(messagesOf(await standalone)[0].method).toBe('notifications/progress');
  });
});
