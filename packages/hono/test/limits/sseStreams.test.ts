/**
 * maxSseStreams and maxSseStreamsPerSession over a real server on 127.0.0.1. Per session: a
 * legacy session with that many open streams (GET, POST replies) gets 429 for one more, its
 * request not run. Server-wide: with every stream taken, a POST that needs one, a GET, an
 * HTTP+SSE stream and a `subscriptions/listen` get 503 (nothing run), and a 2026-07-28 reply that
 * has to turn into a stream is refused and its handler cancelled. Both recover once streams close.
 */
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { modernBody, modernHeaders, openSession, readEvents, until } from '../support/http';
import { expectLimit, gatedServer } from './gatedServer';
import type { GatedServer } from './gatedServer';

let gated: GatedServer;
let running: RunningHttpServer;
beforeAll(async () => {
  gated = gatedServer();
  running = await serve(gated.server, {
    port: 0,
    handleSignals: false,
    maxSseStreams: 4,
    maxSseStreamsPerSession: 2,
    shutdownTimeoutMs: 1000,
  });
});
afterAll(() => running.close());
afterEach(() => gated.close());

const call = (id: number, name: string) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name } });
const stats = () => running.app.mcp.stats();

it('a session past maxSseStreamsPerSession gets 429; closing one of its streams makes room', async () => {
  const { headers } = await openSession(running.url);
  const post = (body: string) => fetch(`${running.url}/mcp`, { method: 'POST', headers, body });
  const get = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...headers, accept: 'text/event-stream' },
  });
  expect(get.status).toBe(200);
  const held = await post(call(1, 'hold'));
  const priming = (await readEvents(held, (events) => events.length >= 1))[0].id as string; // cuts the stream
  await until(() => gated.waiting === 1 && stats().openStreams === 1);
  const resumed = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...headers, accept: 'text/event-stream', 'last-event-id': priming },
  });
  expect(resumed.status).toBe(200);
  expect(stats().openStreams).toBe(2);

  await expectLimit(await post(call(2, 'hold')), 429, 'maxSseStreamsPerSession', 2);
  await expectLimit(
    await fetch(`${running.url}/mcp`, {
      method: 'GET',
      headers: { ...headers, accept: 'text/event-stream', 'last-event-id': priming },
    }),
    429,
    'maxSseStreamsPerSession',
  );
  expect(gated.waiting).toBe(1); // the refused call never ran

  await get.body?.cancel(); // the GET stream goes: room for one
  await until(() => stats().openStreams === 1);
  const second = post(call(3, 'hold'));
  await until(() => gated.waiting === 2);
  gated.open();
  expect(await resumed.text()).toContain('hold done'); // the held call's reply, on its resumed stream
  expect(await (await second).text()).toContain('hold done');
  await until(() => stats().openStreams === 0);
});

it('past maxSseStreams every new stream gets 503 and nothing runs; all recover once streams close', async () => {
  const a = await openSession(running.url);
  const b = await openSession(running.url);
  const getA = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...a.headers, accept: 'text/event-stream' },
  });
  const getB = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...b.headers, accept: 'text/event-stream' },
  });
  const heldA = fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: a.headers,
    body: call(1, 'hold'),
  });
  const heldB = fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: b.headers,
    body: call(1, 'hold'),
  });
  await until(() => gated.waiting === 2);
  expect(stats().openStreams).toBe(4);

  const sessions = stats().sessions;
  const c = await openSession(running.url).catch((e: Error) => e);
  expect(c).toBeInstanceOf(Error); // initialize needs a stream for its reply: refused, no session left
  expect(stats().sessions).toBe(sessions);
  await expectLimit(
    await fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers: a.headers,
      body: call(2, 'hold'),
    }),
    503,
    'maxSseStreams',
    2,
  );
  await expectLimit(
    await fetch(`${running.url}/sse`, { headers: { accept: 'text/event-stream' } }),
    503,
    'maxSseStreams',
  );
  const listen = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: modernHeaders('subscriptions/listen'),
    body: modernBody('subscriptions/listen', { notifications: { toolsListChanged: true } }, 'sub'),
  });
  await expectLimit(listen, 503, 'maxSseStreams', 'sub');
  expect(gated.waiting).toBe(2);

  // a modern call whose reply must become a stream is refused and cancelled; one that needs none is served
  const streamed = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: modernHeaders('tools/call', { 'mcp-name': 'stream' }),
    body: modernBody('tools/call', { name: 'stream', _meta: { progressToken: 1 } }, 's'),
  });
  await expectLimit(streamed, 503, 'maxSseStreams', 's');
  await until(() => gated.cancelled === 1);
  const quick = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: modernHeaders('tools/call', { 'mcp-name': 'now' }),
    body: modernBody('tools/call', { name: 'now' }, 'q'),
  });
  expect(
    ((await quick.json()) as { result: { content: Array<{ text: string }> } }).result.content[0]
      .text,
  ).toBe('now done');

  // load drops: the GET streams close, the held calls answer
  await Promise.all([getA.body?.cancel(), getB.body?.cancel()]);
  gated.open();
  for (const reply of await Promise.all([heldA, heldB]))
    expect(await reply.text()).toContain('hold done');
  await until(() => stats().openStreams === 0);
  const d = await openSession(running.url);
  await d.init.text();
  const sse = await fetch(`${running.url}/sse`, { headers: { accept: 'text/event-stream' } });
  expect(sse.status).toBe(200);
  const again = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: modernHeaders('tools/call', { 'mcp-name': 'stream' }),
    body: modernBody('tools/call', { name: 'stream', _meta: { progressToken: 2 } }, 's2'),
  });
  expect(again.headers.get('content-type')).toBe('text/event-stream');
  expect((await readEvents(again)).map((e) => e.data).join()).toContain('stream done');
  await sse.body?.cancel();
  await until(() => stats().openStreams === 0);
});
