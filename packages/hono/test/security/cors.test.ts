/** CORS (option `cors`): preflights and exposed MCP headers for allowed origins only. */
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { BOTH } from '../support/http';

let running: RunningHttpServer;
beforeAll(async () => {
  const server = new Server({ name: 'cors', version: '1.0.0' });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  running = await serve(server, {
    port: 0,
    handleSignals: false,
    cors: true,
    allowedOrigins: ['https://app.example'],
  });
});
afterAll(() => running.close());

it('answers a preflight of an allowed origin, echoing the Mcp-Param-* headers it asks for', async () => {
  const res = await fetch(`${running.url}/mcp`, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'mcp-method, mcp-param-region, x-other',
    },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
  const allowed = res.headers.get('access-control-allow-headers') ?? '';
  expect(allowed).toContain('mcp-session-id');
  expect(allowed).toContain('mcp-param-region');
  expect(allowed).not.toContain('x-other');
});

it('gives a foreign origin no CORS headers (and its requests 403)', async () => {
  const preflight = await fetch(`${running.url}/mcp`, {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example' },
  });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  const post = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'application/json', accept: BOTH },
    body: '{}',
  });
  expect(post.status).toBe(403);
  expect(post.headers.get('access-control-allow-origin')).toBeNull();
});

it('exposes Mcp-Session-Id to an allowed browser client', async () => {
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: { origin: 'https://app.example', 'content-type': 'application/json', accept: BOTH },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'c', version: '1' },
      },
    }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
  expect(res.headers.get('access-control-expose-headers')).toContain('Mcp-Session-Id');
  expect(res.headers.get('mcp-session-id')).toBeTruthy();
  await res.text();
});
