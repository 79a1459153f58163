/**
 * Graceful shutdown under load, over real HTTP on 127.0.0.1. With 150 slow calls (200 ms) in
 * flight — 2026-07-28 calls, calls in 25 legacy sessions, calls on an HTTP+SSE stream — the
 * engine's shutdown begins: every accepted call still gets its reply, while new work (calls of
 * either era, initialize, GET streams, HTTP+SSE streams and calls) is refused at once with 503
 * and a JSON-RPC error, and notifications of existing sessions still pass. Then `serve().close()`
 * under load: accepted calls answered, new connections refused rather than left hanging.
 */
import 'reflect-metadata';
import { serve } from '@typemcp/hono';
import { createFuzzTarget, heldGate } from './fixtures/fuzzTarget';
import { MODERN_META } from './support/fuzzMessages';
import { HttpPeer } from './support/HttpPeer';
import type { RawRequest, RawResponse } from './support/HttpPeer';

jest.setTimeout(180_000);
beforeEach(() => void heldGate.close());

const BOTH = 'application/json, text/event-stream';
const MODERN = {
  'content-type': 'application/json',
  accept: BOTH,
  'mcp-protocol-version': '2026-07-28',
  'mcp-method': 'tools/call',
  'mcp-name': 'held',
};
// `held` calls stay in flight until the test opens the gate: no guess at how fast the machine is.
const sleep = (id: string | number, meta?: object) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'held', arguments: {}, ...(meta ? { _meta: meta } : {}) },
  });
const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 's', version: '1' },
  },
});

/** Resolves when `check` holds (polling every 5 ms), or throws after `ms`. */
async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Sends `request` and expects a prompt 503 refusal carrying a JSON-RPC error. */
async function expectRefused(peer: HttpPeer, request: RawRequest): Promise<void> {
  const started = Date.now();
  const res = await peer.send(request);
  expect(Date.now() - started).toBeLessThan(10_000); // refused at once, not after the held calls
  expect(res.status).toBe(503);
  expect(res.headers.connection).toBe('close');
  expect(JSON.parse(res.body)).toMatchObject({
    jsonrpc: '2.0',
    error: { code: -32603, message: expect.stringContaining('shutting down') },
  });
}

const resultOf = (res: RawResponse) => {
  const line = res.body.split('\n').find((l) => l.startsWith('data: {')) ?? res.body;
  return JSON.parse(line.replace(/^data: /, '')) as {
    id: unknown;
    result?: { content: Array<{ text: string }> };
  };
};

it('answers every accepted call and refuses new work cleanly once shutdown began', async () => {
  const running = await serve(createFuzzTarget(), { port: 0, handleSignals: false });
  const peer = new HttpPeer(running.url, 512);
  const engine = running.app.mcp;
  try {
    const sessions = await Promise.all(
      Array.from({ length: 25 }, async () => {
        const init = await peer.send({
          method: 'POST',
          path: '/mcp',
          headers: { 'content-type': 'application/json', accept: BOTH },
          body: initialize,
        });
        const headers = {
          'content-type': 'application/json',
          accept: BOTH,
          'mcp-session-id': String(init.headers['mcp-session-id']),
          'mcp-protocol-version': '2025-11-25',
        };
        await peer.send({
          method: 'POST',
          path: '/mcp',
          headers,
          body: '{"jsonrpc":"2.0","method":"notifications/initialized"}',
        });
        return headers;
      }),
    );
    // an HTTP+SSE session whose replies arrive on its stream
    const sse = new HttpPeer(running.url, 1, 30_000);
    let endpoint = '';
    const stream = sse.send({
      method: 'GET',
      path: '/sse',
      headers: { accept: 'text/event-stream' },
      ondata: (text) => (endpoint ||= /data: (\S+)/.exec(text)?.[1] ?? ''),
    });
    await until(() => endpoint !== '');
    const sseHeaders = { 'content-type': 'application/json' };
    await peer.send({ method: 'POST', path: endpoint, headers: sseHeaders, body: initialize });
    await peer.send({
      method: 'POST',
      path: endpoint,
      headers: sseHeaders,
      body: '{"jsonrpc":"2.0","method":"notifications/initialized"}',
    });

    const modern = Array.from({ length: 100 }, (_, i) =>
      peer.send({
        method: 'POST',
        path: '/mcp',
        headers: MODERN,
        body: sleep(`m${i}`, MODERN_META),
      }),
    );
    const legacy = sessions.flatMap((headers) =>
      [1, 2].map((id) => peer.send({ method: 'POST', path: '/mcp', headers, body: sleep(id) })),
    );
    for (let i = 1; i <= 5; i++)
      expect(
        (
          await peer.send({
            method: 'POST',
            path: endpoint,
            headers: sseHeaders,
            body: sleep(`s${i}`),
          })
        ).status,
      ).toBe(202);
    await until(() => engine.stats().inflight === 150 && engine.stats().sessionRequests === 55);

    const shutdown = engine.shutdown(5000);
    expect(engine.stats().draining).toBe(true);
    await expectRefused(peer, {
      method: 'POST',
      path: '/mcp',
      headers: MODERN,
      body: sleep('late', MODERN_META),
    });
    await expectRefused(peer, {
      method: 'POST',
      path: '/mcp',
      headers: sessions[0],
      body: sleep(3),
    });
    await expectRefused(peer, {
      method: 'POST',
      path: '/mcp',
      headers: { 'content-type': 'application/json', accept: BOTH },
      body: initialize,
    });
    await expectRefused(peer, {
      method: 'GET',
      path: '/mcp',
      headers: { ...sessions[1], accept: 'text/event-stream' },
    });
    await expectRefused(peer, {
      method: 'GET',
      path: '/sse',
      headers: { accept: 'text/event-stream' },
    });
    await expectRefused(peer, {
      method: 'POST',
      path: endpoint,
      headers: sseHeaders,
      body: sleep('s-late'),
    });
    const note = await peer.send({
      method: 'POST',
      path: '/mcp',
      headers: sessions[2],
      body: '{"jsonrpc":"2.0","method":"notifications/roots/list_changed"}',
    });
    expect(note.status).toBe(202);
    heldGate.open();

    for (const [i, res] of (await Promise.all(modern)).entries()) {
      expect(res.status).toBe(200);
      expect(resultOf(res)).toMatchObject({
        id: `m${i}`,
        result: { content: [{ text: 'released' }] },
      });
    }
    for (const res of await Promise.all(legacy))
      expect(resultOf(res).result?.content[0].text).toBe('released');
    await shutdown;
    const sseBody = (await stream).body;
    for (let i = 1; i <= 5; i++)
      expect(sseBody).toContain(
        `"id":"s${i}","result":{"content":[{"type":"text","text":"released"}]`,
      );
    expect(engine.stats()).toMatchObject({
      sessions: 0,
      sseSessions: 0,
      openStreams: 0,
      inflight: 0,
      sessionRequests: 0,
      timers: 0,
    });
    sse.destroy();
  } finally {
    peer.destroy();
    await running.close();
  }
});

it('serve().close() under load: accepted calls answered, new connections refused, not hung', async () => {
  const running = await serve(createFuzzTarget(), { port: 0, handleSignals: false });
  const peer = new HttpPeer(running.url, 100);
  const calls = Array.from({ length: 100 }, (_, i) =>
    peer.send({ method: 'POST', path: '/mcp', headers: MODERN, body: sleep(i, MODERN_META) }),
  );
  await until(() => running.app.mcp.stats().inflight === 100);
  const closing = running.close();
  const started = Date.now();
  const fresh = new HttpPeer(running.url, 1, 2000);
  await expect(
    fresh.send({ method: 'POST', path: '/mcp', headers: MODERN, body: sleep('new', MODERN_META) }),
  ).rejects.toThrow(/ECONNREFUSED/);
  expect(Date.now() - started).toBeLessThan(10_000);
  heldGate.open();
  for (const [i, res] of (await Promise.all(calls)).entries())
    expect(JSON.parse(res.body)).toMatchObject({
      id: i,
      result: { content: [{ text: 'released' }] },
    });
  await closing;
  peer.destroy();
  fresh.destroy();
});
