/**
 * 2026-07-28 requests over a real server on 127.0.0.1: JSON until the handler streams, SSE when
 * a notification comes first, cancellation by closing the stream. SPEC.md 3.2, 5.3.
 */
import { ErrorCode, McpError } from '@typemcp/protocol';
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { messagesOf, modernBody, modernHeaders, readEvents, until } from '../support/http';

const aborted: string[] = [];
let started: string[] = [];
let running: RunningHttpServer;
beforeAll(async () => {
  const server = new Server({ name: 'modern', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/call', async (params, ctx) => {
    const name = String(params.name);
    started.push(name);
    if (name === 'progress') {
      await ctx.sendProgress(1, 2, 'half');
      await ctx.sendProgress(2, 2, 'all');
      return { content: [{ type: 'text', text: 'done' }] };
    }
    if (name === 'forever' || name === 'quiet-forever') {
      if (name === 'forever') await ctx.sendProgress(1, undefined, 'started');
      await new Promise<void>((resolve) =>
        ctx.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      aborted.push(name);
      return { content: [] };
    }
    if (name === 'invalid')
      throw new McpError(ErrorCode.InvalidParams, 'Invalid params: the handler refuses');
    return { content: [{ type: 'text', text: name }] };
  });
  running = await serve(server, { port: 0, handleSignals: false });
});
afterAll(() => running.close());
beforeEach(() => (started = []));

const call = (name: string, init: RequestInit = {}, extraMeta: Record<string, unknown> = {}) =>
  fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: modernHeaders('tools/call', { 'mcp-name': name }),
    body: modernBody('tools/call', { name, _meta: extraMeta }),
    ...init,
  });

it('answers with one JSON body when the handler streams nothing', async () => {
  const res = await call('plain');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('mcp-session-id')).toBeNull();
  const body = await res.json();
  expect(body).toMatchObject({
    id: 7,
    result: { content: [{ text: 'plain' }], resultType: 'complete' },
  });
});

it('switches to SSE when a notification comes before the result: progress, then the result', async () => {
  const res = await call('progress', {}, { progressToken: 'tok' });
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  expect(res.headers.get('x-accel-buffering')).toBe('no');
  const messages = messagesOf(await readEvents(res));
  expect(messages.map((m) => m.method ?? `result ${m.id}`)).toEqual([
    'notifications/progress',
    'notifications/progress',
    'result 7',
  ]);
  expect(messages[0].params).toEqual({
    progressToken: 'tok',
    progress: 1,
    total: 2,
    message: 'half',
  });
});

it('accepts an Mcp-Name in the base64 sentinel form', async () => {
  const name = 'naïve tool';
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: modernHeaders('tools/call', {
      'mcp-name': `=?base64?${Buffer.from(name).toString('base64')}?=`,
    }),
    body: modernBody('tools/call', { name }),
  });
  expect(res.status).toBe(200);
  expect((await res.json()).result.content[0].text).toBe(name);
});

it('closing the SSE stream cancels the request: the handler signal is aborted', async () => {
  const controller = new AbortController();
  const res = await call('forever', { signal: controller.signal }, { progressToken: 1 });
  const first = await readEvents(res, (events) => events.length >= 1);
  expect(messagesOf(first)[0].method).toBe('notifications/progress');
  controller.abort();
  await until(() => aborted.includes('forever'));
  await until(() => running.app.mcp.inflightCount === 0);
});

it('a client that goes away before any reply byte also cancels the request', async () => {
  const controller = new AbortController();
  const pending = call('quiet-forever', { signal: controller.signal }).catch(() => undefined);
  await until(() => started.includes('quiet-forever'));
  controller.abort();
  await pending;
  await until(() => aborted.includes('quiet-forever'));
  await until(() => running.app.mcp.inflightCount === 0);
});

it('does not register per-request connections with the server (nothing to free afterwards)', async () => {
  await Promise.all(Array.from({ length: 50 }, (_, i) => call(`n${i}`).then((r) => r.json())));
  expect(running.app.mcp.server.connectionCount).toBe(0);
  expect(running.app.mcp.inflightCount).toBe(0);
});

it("maps the server's one validation of _meta to 400, and a handler's own -32602 to 200", async () => {
  const post = (meta: Record<string, unknown>, name = 'plain') =>
    fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers: modernHeaders('tools/call', { 'mcp-name': name }),
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 9,
        method: 'tools/call',
        params: { name, _meta: meta },
      }),
    });
  const version = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' };
  const noCapabilities = await post(version);
  expect(noCapabilities.status).toBe(400);
  expect((await noCapabilities.json()).error).toMatchObject({
    code: -32602,
    message: expect.stringContaining('clientCapabilities'),
  });
  const badLevel = await post({
    ...version,
    'io.modelcontextprotocol/clientCapabilities': {},
    'io.modelcontextprotocol/logLevel': 'loud',
  });
  expect(badLevel.status).toBe(400);
  expect((await badLevel.json()).error.code).toBe(-32602);
  const fromHandler = await post(
    { ...version, 'io.modelcontextprotocol/clientCapabilities': {} },
    'invalid',
  );
  expect(fromHandler.status).toBe(200);
  expect((await fromHandler.json()).error).toEqual({
    code: -32602,
    message: 'Invalid params: the handler refuses',
  });
  expect(started).toEqual(['invalid']); // the refused requests never reached the handler
});
