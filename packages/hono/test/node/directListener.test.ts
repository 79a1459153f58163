/**
 * serve() answers POSTs to its MCP endpoint straight from Node's request (mcpNodeListener) when it
 * built the app itself; a ready Hono app goes through Hono throughout. Both must answer alike:
 * every case below is sent to both servers and the answers compared (status, the headers a
 * client reads, the body with session ids and event ids masked).
 */
import { createServer as createNodeServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@typemcp/server';
import { mcpHonoApp, serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { BOTH, modernBody, modernHeaders, openSession } from '../support/http';

function lowLevel(): Server {
  const server = new Server({ name: 'direct', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({
    tools: [{ name: 'work', inputSchema: { type: 'object' } }],
  }));
  server.setRequestHandler('tools/call', async (params, ctx) => {
    if (params.name === 'slow') await new Promise((resolve) => setTimeout(resolve, 20));
    if (params.name === 'progress') await ctx.sendProgress(1, 2, 'half');
    return { content: [{ type: 'text', text: String(params.name) }] };
  });
  return server;
}

let direct: RunningHttpServer;
let viaHono: RunningHttpServer;
beforeAll(async () => {
  direct = await serve(lowLevel(), { port: 0, handleSignals: false });
  viaHono = await serve(mcpHonoApp(lowLevel(), { validateHost: true }), {
    port: 0,
    handleSignals: false,
  });
});
afterAll(() => Promise.all([direct.close(), viaHono.close()]));

const READ = ['content-type', 'cache-control', 'allow', 'retry-after', 'www-authenticate'];

/** What a client sees of an answer, with per-server ids masked. */
async function seen(response: Response) {
  const headers: Record<string, string | null> = {};
  for (const name of READ) headers[name] = response.headers.get(name);
  headers['mcp-session-id'] = response.headers.get('mcp-session-id') ? '<id>' : null;
  const body = (await response.text())
    .replace(/"?[0-9a-f]{8}-[0-9a-f-]{27}[^"\s]*"?/g, '<id>')
    .replace(/^id: .*$/gm, 'id: <event>');
  return { status: response.status, headers, body };
}

type Case = (url: string) => Promise<Response>;

const post = (url: string, headers: Record<string, string>, body: string, path = '/mcp') =>
  fetch(`${url}${path}`, { method: 'POST', headers, body });
const call = (name: string) =>
  JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name } });

const CASES: Record<string, Case> = {
  'initialize (a streamed SSE reply)': (url) =>
    post(
      url,
      { 'content-type': 'application/json', accept: BOTH },
      JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't' } },
      }),
    ),
  'a tool call answered at once (one string)': async (url) =>
    post(url, (await openSession(url)).headers, call('fast')),
  'a slow tool call (the reply becomes a stream)': async (url) =>
    post(url, (await openSession(url)).headers, call('slow')),
  'progress before the reply': async (url) =>
    post(
      url,
      (await openSession(url)).headers,
      JSON.stringify({
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'progress', _meta: { progressToken: 'p' } },
      }),
    ),
  'a notification (202)': async (url) =>
    post(
      url,
      (await openSession(url)).headers,
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/roots/list_changed' }),
    ),
  'a 2026-07-28 request (JSON)': (url) =>
    post(url, modernHeaders('tools/list'), modernBody('tools/list')),
  'a 2026-07-28 request with a bad header (400)': (url) =>
    post(url, modernHeaders('tools/call', { 'mcp-name': 'x' }), modernBody('tools/list')),
  'not JSON (400 -32700)': (url) =>
    post(url, { 'content-type': 'application/json', accept: BOTH }, '{'),
  'wrong content type (415)': (url) =>
    post(url, { 'content-type': 'text/plain', accept: BOTH }, '{}'),
  'no session (400)': (url) =>
    post(url, { 'content-type': 'application/json', accept: BOTH }, call('fast')),
  'an unknown session (404)': (url) =>
    post(
      url,
      { 'content-type': 'application/json', accept: BOTH, 'mcp-session-id': 'nope' },
      call('fast'),
    ),
  'a foreign Host (403)': (url) =>
    post(url, { 'content-type': 'application/json', accept: BOTH, host: 'evil.example' }, '{}'),
  'a query string (through Hono)': (url) =>
    post(url, modernHeaders('tools/list'), modernBody('tools/list'), '/mcp?x=1'),
  'GET without a session (through Hono)': (url) =>
    fetch(`${url}/mcp`, { headers: { accept: 'text/event-stream' } }),
  'an unknown path (404)': (url) => fetch(`${url}/other`, { method: 'POST', body: '{}' }),
};

it.each(Object.keys(CASES))('%s: the same answer with and without Hono', async (name) => {
  const run = CASES[name] as Case;
  const [a, b] = await Promise.all([run(direct.url).then(seen), run(viaHono.url).then(seen)]);
  if (a.status === 202) {
    // the one difference: a bodiless 202 names no content type (Hono's writer says text/plain)
    expect(a.headers['content-type']).toBeNull();
    a.headers['content-type'] = b.headers['content-type'] ?? null;
  }
  expect(a).toEqual(b);
});

it('a port that cannot be had rejects, and nothing is left running', async () => {
  const holder = createNodeServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  const port = (holder.address() as AddressInfo).port;
  try {
    await expect(serve(lowLevel(), { port, handleSignals: false })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
});
