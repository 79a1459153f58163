/**
 * Issue 14, item 1: the default event store kept every reply's bytes (150 echoes of 4 MiB in one
 * legacy session: 118 → 972 MiB RSS). A request's stream is now forgotten once its final response
 * reached a connection, and what is kept for a client that went away is bounded in bytes.
 * SPEC.md 3.2 (resumability).
 */
import { openLegacySession } from './support/legacySession';
import 'reflect-metadata';
import { InMemoryEventStore, serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createIssue14Target } from './fixtures/issue14Target';

jest.setTimeout(120_000);

const MiB = 1024 * 1024;
let running: RunningHttpServer;
const store = new InMemoryEventStore({ maxBytesPerSession: 4 * MiB });

beforeAll(async () => {
  running = await serve(createIssue14Target(), {
    port: 0,
    handleSignals: false,
    eventStore: store,
  });
});
afterAll(() => running.close());

const openSession = () => openLegacySession(running.url);

const call = (id: number, name: string, args: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

it('forgets a request’s events once its response is delivered: 40 echoes of 1 MiB leave nothing behind', async () => {
  const headers = await openSession();
  const text = 'x'.repeat(MiB);
  for (let id = 1; id <= 40; id++) {
    const res = await fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers,
      body: call(id, 'echo', { text }),
    });
    expect(await res.text()).toContain(`"id":${id}`);
  }
  const until = Date.now() + 10_000;
  while (store.bytes > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  expect(store.bytes).toBe(0);
});

it('keeps an undelivered response within the session’s bytes, replays it once, then forgets it', async () => {
  const headers = await openSession();
  const ids: Array<{ id: number; lastEventId: string }> = [];
  for (let id = 100; id < 106; id++) {
    const controller = new AbortController();
    const res = await fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers,
      body: call(id, 'slowEcho', { text: 'y'.repeat(MiB), ms: 300 }),
      signal: controller.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value); // the priming event
    ids.push({ id, lastEventId: /id: (\S+)/.exec(first)?.[1] as string });
    controller.abort(); // the client goes away before the reply
  }
  // six replies of 1 MiB with nobody to read them: the session keeps at most 4 MiB
  const session = running.app.mcp.sessions.get(headers['mcp-session-id']);
  const until = Date.now() + 20_000;
  while ((session?.pendingRequests ?? 0) > 0 && Date.now() < until)
    await new Promise((r) => setTimeout(r, 20));
  expect(session?.pendingRequests).toBe(0);
  expect(store.bytes).toBeGreaterThan(3 * MiB);
  expect(store.bytes).toBeLessThanOrEqual(4 * MiB);

  const last = ids[ids.length - 1];
  const get = () =>
    fetch(`${running.url}/mcp`, {
      method: 'GET',
      headers: { ...headers, accept: 'text/event-stream', 'last-event-id': last.lastEventId },
    });
  const resumed = await get();
  expect(await resumed.text()).toContain(`"id":${last.id}`);
  // delivered: the stream is forgotten; the same Last-Event-ID now opens the GET stream instead
  const again = await get();
  const reader = (again.body as ReadableStream<Uint8Array>).getReader();
  const chunk = new TextDecoder().decode((await reader.read()).value);
  expect(chunk).not.toContain(`"id":${last.id}`);
  await reader.cancel();
});
