/**
 * Bad input over a real HTTP server on 127.0.0.1: each case gets its exact status and JSON-RPC
 * error, and the server keeps serving. SPEC.md 3.2, 3.3 and the rulings of section 7.
 */
import * as http from 'node:http';
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';

const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};
const BOTH = 'application/json, text/event-stream';

function lowLevel(): Server {
  const server = new Server({ name: 'bad-input', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  server.setRequestHandler('tools/call', (p) => ({ content: [{ type: 'text', text: String(p.name) }] }));
  return server;
}

let running: RunningHttpServer;
let stateless: RunningHttpServer;
let small: RunningHttpServer;
beforeAll(async () => {
  running = await serve(lowLevel(), { port: 0, handleSignals: false });
  stateless = await serve(lowLevel(), { port: 0, handleSignals: false, statelessOnly: true });
  small = await serve(lowLevel(), { port: 0, handleSignals: false, maxBodyBytes: 1024 });
});
afterAll(async () => {
  await Promise.all([running.close(), stateless.close(), small.close()]);
});

interface Case {
  name: string;
  server?: () => RunningHttpServer;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  code?: number;
}

const modernHeaders = (method: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  accept: BOTH,
  'mcp-protocol-version': '2026-07-28',
  'mcp-method': method,
  ...extra,
});
const modernBody = (method: string, params: Record<string, unknown> = {}) =>
  JSON.stringify({ jsonrpc: '2.0', id: 7, method, params: { ...params, _meta: MODERN_META } });

const CASES: Case[] = [
  { name: 'bad JSON', headers: { 'content-type': 'application/json', accept: BOTH }, body: '{nope', status: 400, code: -32700 },
  { name: 'JSON but not JSON-RPC', headers: { 'content-type': 'application/json', accept: BOTH }, body: '{"a":1}', status: 400, code: -32600 },
  { name: 'a batch', headers: { 'content-type': 'application/json', accept: BOTH }, body: '[{"jsonrpc":"2.0","id":1,"method":"ping"}]', status: 400, code: -32600 },
  { name: 'wrong Content-Type', headers: { 'content-type': 'text/plain', accept: BOTH }, body: '{}', status: 415, code: -32600 },
  { name: 'Accept without SSE', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: modernBody('tools/list'), status: 406, code: -32600 },
  { name: 'oversize body', server: () => small, headers: { 'content-type': 'application/json', accept: BOTH }, body: JSON.stringify({ pad: 'x'.repeat(5000) }), status: 413, code: -32600 },
  { name: 'foreign Origin', headers: { 'content-type': 'application/json', accept: BOTH, origin: 'https://evil.example' }, body: modernBody('tools/list'), status: 403 },
  { name: 'legacy request without a session', headers: { 'content-type': 'application/json', accept: BOTH }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', status: 400, code: -32600 },
  { name: 'unknown session', headers: { 'content-type': 'application/json', accept: BOTH, 'mcp-session-id': 'no-such-session' }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', status: 404, code: -32600 },
  { name: 'modern: missing MCP-Protocol-Version header', headers: { 'content-type': 'application/json', accept: BOTH, 'mcp-method': 'tools/list' }, body: modernBody('tools/list'), status: 400, code: -32020 },
  { name: 'modern: Mcp-Method mismatch', headers: modernHeaders('tools/call'), body: modernBody('tools/list'), status: 400, code: -32020 },
  { name: 'modern: missing Mcp-Name', headers: modernHeaders('tools/call'), body: modernBody('tools/call', { name: 'x' }), status: 400, code: -32020 },
  { name: 'modern: Mcp-Name mismatch', headers: modernHeaders('tools/call', { 'mcp-name': 'y' }), body: modernBody('tools/call', { name: 'x' }), status: 400, code: -32020 },
  { name: 'modern: missing _meta', headers: modernHeaders('tools/list'), body: '{"jsonrpc":"2.0","id":7,"method":"tools/list","params":{}}', status: 400, code: -32602 },
  {
    name: 'modern: unsupported version',
    headers: modernHeaders('tools/list', { 'mcp-protocol-version': '2099-01-01' }),
    body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list', params: { _meta: { ...MODERN_META, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' } } }),
    status: 400,
    code: -32022,
  },
  { name: 'modern: unknown method', headers: modernHeaders('nope/nothing'), body: modernBody('nope/nothing'), status: 404, code: -32601 },
  { name: 'modern: initialize', headers: modernHeaders('initialize'), body: modernBody('initialize'), status: 404, code: -32601 },
  { name: 'GET on a stateless-only server', server: () => stateless, method: 'GET', headers: { accept: 'text/event-stream' }, status: 405 },
  { name: 'DELETE on a stateless-only server', server: () => stateless, method: 'DELETE', status: 405 },
  { name: 'PUT', method: 'PUT', status: 405 },
];

describe('HTTP bad-input table', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const target = (c.server ?? (() => running))();
    const res = await fetch(`${target.url}/mcp`, { method: c.method ?? 'POST', headers: c.headers, body: c.body });
    expect(res.status).toBe(c.status);
    const text = await res.text();
    if (c.code !== undefined) {
      const body = JSON.parse(text) as { jsonrpc: string; error: { code: number; message: string } };
      expect(body.jsonrpc).toBe('2.0');
      expect(body.error.code).toBe(c.code);
      expect(body.error.message).not.toMatch(/\.ts:\d+/);
    }
    if (text) expect(() => JSON.parse(text)).not.toThrow();
  });

  it('refuses a foreign Host header (DNS rebinding) with 403 and accepts localhost names', async () => {
    const post = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${running.url}/mcp`);
        const req = http.request(
          { hostname: url.hostname, port: url.port, path: '/mcp', method: 'POST', headers: { ...modernHeaders('tools/list'), host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end(modernBody('tools/list'));
      });
    expect(await post('evil.example')).toBe(403);
    expect(await post('evil.example:80')).toBe(403);
    expect(await post(`localhost:${running.port}`)).toBe(200);
    expect(await post(`[::1]:${running.port}`)).toBe(200);
  });

  it('keeps serving after all of that', async () => {
    const res = await fetch(`${running.url}/mcp`, { method: 'POST', headers: modernHeaders('tools/list'), body: modernBody('tools/list') });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { resultType: string } }).result.resultType).toBe('complete');
  });
});

describe('legacy sessions over HTTP', () => {
  async function initialize(target: RunningHttpServer): Promise<string> {
    const res = await fetch(`${target.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BOTH },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c', version: '1' } } }),
    });
    expect(res.status).toBe(200);
    await res.text();
    const id = res.headers.get('mcp-session-id');
    expect(id).toMatch(/^[\x21-\x7e]+$/);
    return id as string;
  }

  it('ends a session with DELETE, after which it is 404', async () => {
    const id = await initialize(running);
    const headers = { 'content-type': 'application/json', accept: BOTH, 'mcp-session-id': id };
    expect((await fetch(`${running.url}/mcp`, { method: 'DELETE', headers })).status).toBe(200);
    const after = await fetch(`${running.url}/mcp`, { method: 'POST', headers, body: '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' });
    expect(after.status).toBe(404);
  });

  it('holds 200 concurrent sessions, then evicts idle ones and frees them', async () => {
    const target = await serve(lowLevel(), { port: 0, handleSignals: false, sessionIdleTimeoutMs: 60_000 });
    try {
      const ids = await Promise.all(Array.from({ length: 200 }, () => initialize(target)));
      expect(new Set(ids).size).toBe(200);
      expect(target.app.mcp.sessions.size).toBe(200);
      expect(target.app.mcp.server.connectionCount).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
      expect(target.app.mcp.evictIdle(10)).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
      expect(target.app.mcp.sessions.size).toBe(0);
      expect(target.app.mcp.server.connectionCount).toBe(0);
    } finally {
      await target.close();
    }
  });
});
