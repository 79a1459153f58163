/**
 * The deprecated HTTP+SSE transport (2024-11-05), mounted under a prefix of a user's Hono app and
 * served on 127.0.0.1: the `endpoint` event names the POST path under the same prefix, POSTs answer
 * 202, every reply goes out on the stream. SPEC.md 3.4.
 */
import { Hono } from 'hono';
import { Server } from '@typemcp/server';
import { mcpHonoApp, serve } from '@typemcp/hono';
import type { McpHonoApp, RunningHttpServer } from '@typemcp/hono';
import { messagesOf, readEvents } from '../support/http';
import type { SseEvent } from '../support/http';

let running: RunningHttpServer;
let mcp: McpHonoApp;
beforeAll(async () => {
  const server = new Server({ name: 'sse', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({
    tools: [{ name: 'echo', inputSchema: { type: 'object' } }],
  }));
  mcp = mcpHonoApp(server, { validateHost: true });
  const app = new Hono();
  app.get('/', (c) => c.text('home'));
  app.route('/tools', mcp);
  running = await serve(Object.assign(app, { mcp: mcp.mcp }) as McpHonoApp, {
    port: 0,
    handleSignals: false,
  });
});
afterAll(() => running.close());

it('round trip: endpoint event under the mount prefix, 202 for each POST, replies on the stream', async () => {
  const stream = await fetch(`${running.url}/tools/sse`, {
    headers: { accept: 'text/event-stream' },
  });
  expect(stream.status).toBe(200);
  const events: SseEvent[] = [];
  const reading = readEvents(stream, (all) => {
    events.splice(0, events.length, ...all);
    return messagesOf(all.slice(1)).length >= 2;
  });
  while (events.length === 0) await new Promise((r) => setTimeout(r, 5));
  expect(events[0].event).toBe('endpoint');
  expect(events[0].data).toMatch(/^\/tools\/messages\?sessionId=[0-9a-f-]{36}$/);
  const post = (body: unknown) =>
    fetch(`${running.url}${events[0].data}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const init = await post({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2024-11-05',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    },
  });
  expect(init.status).toBe(202);
  expect((await post({ jsonrpc: '2.0', method: 'notifications/initialized' })).status).toBe(202);
  expect((await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' })).status).toBe(202);
  const replies = messagesOf((await reading).slice(1));
  expect(replies[0]).toMatchObject({ id: 1, result: { protocolVersion: '2024-11-05' } });
  expect(replies[1]).toMatchObject({ id: 2, result: { tools: [{ name: 'echo' }] } });
  await new Promise((r) => setTimeout(r, 20));
  expect(mcp.mcp.legacySse.size).toBe(0); // the stream closed: the session is gone
});

it('refuses a POST without a session id (400), to an unknown one (404), or with a wrong Content-Type (415)', async () => {
  const none = await fetch(`${running.url}/tools/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const unknown = await fetch(`${running.url}/tools/messages?sessionId=nope`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect([none.status, unknown.status]).toEqual([400, 404]);
  expect((await none.json()).error.code).toBe(-32600);

  const stream = await fetch(`${running.url}/tools/sse`, {
    headers: { accept: 'text/event-stream' },
  });
  const [endpoint] = await readEvents(stream, (all) => all.length >= 1);
  const wrongType = await fetch(`${running.url}${endpoint.data}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: '{}',
  });
  expect(wrongType.status).toBe(415);
});

it('leaves the rest of the user app alone and answers unknown MCP-side paths with JSON', async () => {
  expect(await (await fetch(`${running.url}/`)).text()).toBe('home');
  const res = await fetch(`${running.url}/tools/nothing-here`);
  expect(res.status).toBe(404);
});
