/**
 * A reply's events reach the event store only when the reply outlives the turn it was asked in
 * (EventStore.predictEventId): a reply ready at once is sent with ids and stores nothing, since a
 * delivered stream is forgotten anyway; a slow reply is stored under exactly the ids its client
 * was sent, so a resumption from the priming event finds it.
 */
import { Server } from '@typemcp/server';
import { InMemoryEventStore, serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { messagesOf, openSession, readEvents, until } from '../support/http';

let running: RunningHttpServer;
const store = new InMemoryEventStore();
const storeEvent = jest.spyOn(store, 'storeEvent');
let release: () => void = () => undefined;

beforeAll(async () => {
  const server = new Server({ name: 'lazy-store', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  server.setRequestHandler('tools/call', async (params) => {
    if (params.name === 'slow') await new Promise<void>((resolve) => (release = resolve));
    return { content: [{ type: 'text', text: String(params.name) }] };
  });
  running = await serve(server, { port: 0, handleSignals: false, eventStore: store });
});
afterAll(() => running.close());

const call = (headers: Record<string, string>, id: number, name: string, signal?: AbortSignal) =>
  fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers,
    signal,
    body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name } }),
  });

it('a reply ready at once carries the priming id and its own, and stores nothing', async () => {
  const { headers } = await openSession(running.url);
  storeEvent.mockClear();
  const events = await readEvents(await call(headers, 2, 'fast'));
  expect(events).toHaveLength(2);
  const [priming, reply] = events;
  expect(priming).toMatchObject({ data: '', retry: 1000 });
  const stream = (priming.id as string).replace(/_0$/, '');
  expect(priming.id).toBe(`${stream}_0`);
  expect(reply.id).toBe(`${stream}_1`);
  expect(messagesOf([reply])).toEqual([
    { jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: 'fast' }] } },
  ]);
  expect(storeEvent).not.toHaveBeenCalled();
  expect(store.streamCount).toBe(0);
});

it('a slow reply is stored, in order, under the ids it was sent with', async () => {
  const { headers } = await openSession(running.url);
  storeEvent.mockClear();
  const response = await call(headers, 3, 'slow');
  const reader = readEvents(response);
  await until(() => storeEvent.mock.calls.length >= 1); // stored once the reply outlived its turn
  const primingId = await (storeEvent.mock.results[0]?.value as Promise<string>);
  const stream = primingId.replace(/_0$/, '');
  expect(primingId).toBe(`${stream}_0`);
  expect(await store.streamIdOf(primingId)).toBe(stream); // a client could resume from it now

  release();
  const events = await reader;
  expect(events.map((e) => e.id)).toEqual([primingId, `${stream}_1`]);
  expect(messagesOf(events)).toEqual([
    { jsonrpc: '2.0', id: 3, result: { content: [{ type: 'text', text: 'slow' }] } },
  ]);
  expect(storeEvent.mock.calls.map(([id, message]) => [id, message === null])).toEqual([
    [stream, true],
    [stream, false],
  ]);
  expect(await storeEvent.mock.results[1]?.value).toBe(`${stream}_1`);
});
