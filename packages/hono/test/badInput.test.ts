/**
 * Bad input over a real HTTP server on 127.0.0.1: each case gets its exact status and JSON-RPC
 * error, and the server keeps serving. SPEC.md 3.2, 3.3 and the rulings of section 7.
 */
import * as http from 'node:http';
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { BOTH, MODERN_META, modernBody, modernHeaders, openSession } from './support/http';

function lowLevel(): Server {
  const server = new Server({ name: 'bad-input', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  server.setRequestHandler('tools/call', (p) => ({
    content: [{ type: 'text', text: String(p.name) }],
  }));
  return server;
}

let running: RunningHttpServer;
let stateless: RunningHttpServer;
let small: RunningHttpServer;
let session: Record<string, string>;
beforeAll(async () => {
  running = await serve(lowLevel(), { port: 0, handleSignals: false });
  stateless = await serve(lowLevel(), { port: 0, handleSignals: false, statelessOnly: true });
  small = await serve(lowLevel(), { port: 0, handleSignals: false, maxBodyBytes: 1024 });
  session = (await openSession(running.url)).headers;
});
afterAll(async () => {
  await Promise.all([running.close(), stateless.close(), small.close()]);
});

interface Case {
  name: string;
  server?: () => RunningHttpServer;
  method?: string;
  path?: string;
  headers?: Record<string, string> | (() => Record<string, string>);
  body?: string | (() => ReadableStream<Uint8Array>);
  status: number;
  code?: number;
}

/** A body of `size` bytes sent in chunks, without Content-Length. */
const chunked = (size: number) => () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < size; sent += 512) controller.enqueue(new Uint8Array(512).fill(32));
      controller.close();
    },
  });
const JSON_POST = { 'content-type': 'application/json', accept: BOTH };

const CASES: Case[] = [
  {
    name: 'bad JSON',
    headers: { 'content-type': 'application/json', accept: BOTH },
    body: '{nope',
    status: 400,
    code: -32700,
  },
  {
    name: 'JSON but not JSON-RPC',
    headers: { 'content-type': 'application/json', accept: BOTH },
    body: '{"a":1}',
    status: 400,
    code: -32600,
  },
  {
    name: 'a batch',
    headers: { 'content-type': 'application/json', accept: BOTH },
    body: '[{"jsonrpc":"2.0","id":1,"method":"ping"}]',
    status: 400,
    code: -32600,
  },
  {
    name: 'wrong Content-Type',
    headers: { 'content-type': 'text/plain', accept: BOTH },
    body: '{}',
    status: 415,
    code: -32600,
  },
  {
    name: 'Accept without SSE',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: modernBody('tools/list'),
    status: 406,
    code: -32600,
  },
  {
    name: 'oversize body',
    server: () => small,
    headers: JSON_POST,
    body: JSON.stringify({ pad: 'x'.repeat(5000) }),
    status: 413,
    code: -32600,
  },
  {
    name: 'oversize body, chunked (no Content-Length)',
    server: () => small,
    headers: JSON_POST,
    body: chunked(64 * 1024),
    status: 413,
    code: -32600,
  },
  {
    name: 'Content-Type application/jsonx',
    headers: { 'content-type': 'application/jsonx', accept: BOTH },
    body: '{}',
    status: 415,
    code: -32600,
  },
  {
    name: 'Accept: text/html only',
    headers: { 'content-type': 'application/json', accept: 'text/html' },
    body: modernBody('tools/list'),
    status: 406,
    code: -32600,
  },
  {
    name: 'Accept without JSON',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: modernBody('tools/list'),
    status: 406,
    code: -32600,
  },
  {
    name: 'a JSON-RPC response outside any session',
    headers: JSON_POST,
    body: '{"jsonrpc":"2.0","id":1,"result":{}}',
    status: 400,
    code: -32600,
  },
  {
    name: 'legacy: unsupported MCP-Protocol-Version in a session',
    headers: () => ({ ...session, 'mcp-protocol-version': '1999-01-01' }),
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    status: 400,
    code: -32602,
  },
  {
    name: 'GET without a session',
    method: 'GET',
    headers: { accept: 'text/event-stream' },
    status: 400,
    code: -32600,
  },
  {
    name: 'GET with an unknown session',
    method: 'GET',
    headers: { accept: 'text/event-stream', 'mcp-session-id': 'nope' },
    status: 404,
    code: -32600,
  },
  {
    name: 'GET without text/event-stream in Accept',
    method: 'GET',
    headers: () => ({ ...session, accept: 'application/json' }),
    status: 406,
    code: -32600,
  },
  {
    name: 'DELETE with an unknown session',
    method: 'DELETE',
    headers: { 'mcp-session-id': 'nope' },
    status: 404,
    code: -32600,
  },
  {
    name: 'foreign Origin on GET',
    method: 'GET',
    headers: () => ({ ...session, accept: 'text/event-stream', origin: 'https://evil.example' }),
    status: 403,
    code: -32600,
  },
  {
    name: 'HTTP+SSE GET with a foreign Origin',
    method: 'GET',
    path: '/sse',
    headers: { accept: 'text/event-stream', origin: 'http://evil.example' },
    status: 403,
    code: -32600,
  },
  {
    name: 'HTTP+SSE POST without a session',
    path: '/messages',
    headers: JSON_POST,
    body: '{}',
    status: 400,
    code: -32600,
  },
  { name: 'an unknown path', path: '/nothing', status: 404, code: -32601 },
  {
    name: 'foreign Origin',
    headers: { 'content-type': 'application/json', accept: BOTH, origin: 'https://evil.example' },
    body: modernBody('tools/list'),
    status: 403,
    code: -32600,
  },
  {
    name: 'legacy request without a session',
    headers: { 'content-type': 'application/json', accept: BOTH },
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    status: 400,
    code: -32600,
  },
  {
    name: 'unknown session',
    headers: {
      'content-type': 'application/json',
      accept: BOTH,
      'mcp-session-id': 'no-such-session',
    },
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    status: 404,
    code: -32600,
  },
  {
    name: 'modern: missing MCP-Protocol-Version header',
    headers: { 'content-type': 'application/json', accept: BOTH, 'mcp-method': 'tools/list' },
    body: modernBody('tools/list'),
    status: 400,
    code: -32020,
  },
  {
    name: 'modern: Mcp-Method mismatch',
    headers: modernHeaders('tools/call'),
    body: modernBody('tools/list'),
    status: 400,
    code: -32020,
  },
  {
    name: 'modern: missing Mcp-Name',
    headers: modernHeaders('tools/call'),
    body: modernBody('tools/call', { name: 'x' }),
    status: 400,
    code: -32020,
  },
  {
    name: 'modern: Mcp-Name mismatch',
    headers: modernHeaders('tools/call', { 'mcp-name': 'y' }),
    body: modernBody('tools/call', { name: 'x' }),
    status: 400,
    code: -32020,
  },
  {
    name: 'modern: missing _meta',
    headers: modernHeaders('tools/list'),
    body: '{"jsonrpc":"2.0","id":7,"method":"tools/list","params":{}}',
    status: 400,
    code: -32602,
  },
  {
    name: 'modern: unsupported version',
    headers: modernHeaders('tools/list', { 'mcp-protocol-version': '2099-01-01' }),
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/list',
      params: {
        _meta: { ...MODERN_META, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' },
      },
    }),
    status: 400,
    code: -32022,
  },
  {
    name: 'modern: unknown method',
    headers: modernHeaders('nope/nothing'),
    body: modernBody('nope/nothing'),
    status: 404,
    code: -32601,
  },
  {
    name: 'modern: initialize',
    headers: modernHeaders('initialize'),
    body: modernBody('initialize'),
    status: 404,
    code: -32601,
  },
  {
    name: 'GET on a stateless-only server',
    server: () => stateless,
    method: 'GET',
    headers: { accept: 'text/event-stream' },
    status: 405,
    code: -32600,
  },
  {
    name: 'DELETE on a stateless-only server',
    server: () => stateless,
    method: 'DELETE',
    status: 405,
    code: -32600,
  },
  {
    name: 'initialize on a stateless-only server',
    server: () => stateless,
    headers: JSON_POST,
    body: '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}',
    status: 400,
    code: -32022,
  },
  {
    name: 'legacy request on a stateless-only server',
    server: () => stateless,
    headers: JSON_POST,
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    status: 400,
    code: -32602,
  },
  { name: 'PUT', method: 'PUT', status: 405, code: -32600 },
];

describe('HTTP bad-input table', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const target = (c.server ?? (() => running))();
    const headers = typeof c.headers === 'function' ? c.headers() : c.headers;
    const body = typeof c.body === 'function' ? c.body() : c.body;
    const res = await fetch(`${target.url}${c.path ?? '/mcp'}`, {
      method: c.method ?? 'POST',
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(c.status);
    expect(res.headers.get('content-type') ?? 'application/json').toBe('application/json');
    const text = await res.text();
    if (c.code !== undefined) {
      const body = JSON.parse(text) as {
        jsonrpc: string;
        error: { code: number; message: string };
      };
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
          {
            hostname: url.hostname,
            port: url.port,
            path: '/mcp',
            method: 'POST',
            headers: { ...modernHeaders('tools/list'), host },
          },
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
    const res = await fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers: modernHeaders('tools/list'),
      body: modernBody('tools/list'),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { resultType: string } }).result.resultType).toBe(
      'complete',
    );
  });
});
