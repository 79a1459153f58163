/**
 * Legacy Streamable HTTP resumability (2025-11-25): a stream cut mid-way and resumed with
 * Last-Event-ID loses no message and duplicates none; event ids name their stream, so a resumption
 * replays that stream only; the priming event carries `retry`.
 */
import { Server } from '@typemcp/server';
import { InMemoryEventStore, serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { messagesOf, openSession, readEvents, until } from '../support/http';
import type { SseEvent } from '../support/http';

let running: RunningHttpServer;
const store = new InMemoryEventStore();
beforeAll(async () => {
  const server = new Server({ name: 'resume', version: '1.0.0', onerror: () => undefined });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  server.setRequestHandler('tools/call', async (_params, ctx) => {
    for (let i = 1; i <= 10; i++) {
      await ctx.sendProgress(i, 10, `step ${i}`);
      await new Promise((r) => setTimeout(r, 15));
    }
    return { content: [{ type: 'text', text: 'finished' }] };
  });
  running = await serve(server, { port: 0, handleSignals: false, eventStore: store });
});
afterAll(() => running.close());

const uniqueIds = (events: SseEvent[]) => {
  const ids = events.map((e) => e.id).filter(Boolean);
  return new Set(ids).size === ids.length;
};

it('a POST stream cut mid-way and resumed with Last-Event-ID loses nothing and duplicates nothing', async () => {
  const { headers } = await openSession(running.url);
  const controller = new AbortController();
  const call = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers,
    signal: controller.signal,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'x', arguments: {}, _meta: { progressToken: 'p' } },
    }),
  });
  // the priming event (id, empty data, retry), three progress events, then the cut
  const first = await readEvents(call, (events) => messagesOf(events).length >= 3);
  controller.abort();
  expect(first[0]).toMatchObject({ data: '', retry: 1000 });
  expect(first[0].id).toBeDefined();
  const lastId = first[first.length - 1].id as string;

  await new Promise((r) => setTimeout(r, 60)); // the handler goes on while the client is away
  const resumed = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...headers, accept: 'text/event-stream', 'last-event-id': lastId },
  });
  expect(resumed.status).toBe(200);
  const rest = await readEvents(resumed); // ends after the response

  const messages = messagesOf([...first, ...rest]);
  const progress = messages
    .filter((m) => m.method === 'notifications/progress')
    .map((m) => m.params.progress);
  expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(messages.filter((m) => m.result !== undefined)).toHaveLength(1);
  expect(uniqueIds([...first, ...rest])).toBe(true);
});

it('resuming the GET stream replays that stream only, then carries on live', async () => {
  const { id, headers } = await openSession(running.url);
  const getHeaders = { ...headers, accept: 'text/event-stream' };
  const server = running.app.mcp.server;
  const session = () => running.app.mcp.sessions.get(id);

  const get = await fetch(`${running.url}/mcp`, { method: 'GET', headers: getHeaders });
  const firstPart = readEvents(get, (events) => messagesOf(events).length >= 2);
  await until(() => session()?.openStreams === 1);
  server.sendToolListChanged();
  server.sendPromptListChanged();
  const first = await firstPart; // cut after two broadcasts
  await until(() => session()?.openStreams === 0);

  // while away: three broadcasts for the GET stream, and a request answered on its own stream
  server.sendResourceListChanged();
  server.sendToolListChanged();
  const call = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 9,
      method: 'tools/call',
      params: { name: 'x', _meta: { progressToken: 'q' } },
    }),
  });
  expect(messagesOf(await readEvents(call)).filter((m) => m.id === 9)).toHaveLength(1);
  server.sendPromptListChanged();

  const resumed = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...getHeaders, 'last-event-id': first[first.length - 1].id as string },
  });
  expect(resumed.status).toBe(200);
  const restPart = readEvents(resumed, (events) => messagesOf(events).length >= 4);
  await until(() => session()?.openStreams === 1);
  server.sendResourceListChanged(); // live again, after the replay
  const rest = await restPart;

  expect(messagesOf(first).map((m) => m.method)).toEqual([
    'notifications/tools/list_changed',
    'notifications/prompts/list_changed',
  ]);
  expect(messagesOf(rest).map((m) => m.method)).toEqual([
    'notifications/resources/list_changed',
    'notifications/tools/list_changed',
    'notifications/prompts/list_changed',
    'notifications/resources/list_changed',
  ]);
  expect(uniqueIds([...first, ...rest])).toBe(true);
});

it('broadcasts racing a resumption are each delivered exactly once', async () => {
  const { id, headers } = await openSession(running.url);
  const getHeaders = { ...headers, accept: 'text/event-stream' };
  const server = running.app.mcp.server;
  const get = await fetch(`${running.url}/mcp`, { method: 'GET', headers: getHeaders });
  const firstPart = readEvents(get, (events) => messagesOf(events).length >= 1);
  await until(() => running.app.mcp.sessions.get(id)?.openStreams === 1);
  let sent = 0;
  const burst = () => {
    for (let i = 0; i < 20; i++, sent++)
      server.broadcast('notifications/tools/list_changed', { n: sent } as never);
  };
  burst();
  const first = await firstPart;
  const resumed = fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...getHeaders, 'last-event-id': first[first.length - 1].id as string },
  });
  burst(); // while the replay runs
  const res = await resumed;
  burst();
  const rest = await readEvents(
    res,
    (events) => messagesOf(events).length >= sent - messagesOf(first).length,
  );
  const numbers = messagesOf([...first, ...rest]).map((m) => (m.params as { n: number }).n);
  expect(numbers).toEqual(Array.from({ length: sent }, (_, i) => i));
});

it("forgets a request's events once its response is delivered, and a session's when it ends", async () => {
  const { headers } = await openSession(running.url);
  const before = store.size;
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers,
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
  });
  await readEvents(res);
  await until(() => store.size === before); // the reply reached its connection: nothing kept
  const get = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { ...headers, accept: 'text/event-stream' },
  });
  const [primed] = await readEvents(get, (events) => events.length >= 1); // primed, then cut
  expect(await store.streamIdOf(primed.id as string)).toBeDefined(); // kept for its resumption
  await fetch(`${running.url}/mcp`, { method: 'DELETE', headers });
  expect(await store.streamIdOf(primed.id as string)).toBeUndefined();
  const ids = [...running.app.mcp.sessions.keys()];
  expect(ids).not.toContain(headers['mcp-session-id']);
});
