/**
 * Clients that go away leave nothing behind, over real HTTP servers on 127.0.0.1: 20 each of a
 * client closing a legacy POST's SSE stream mid-call, aborting a legacy POST before its JSON
 * reply, aborting a 2026-07-28 call before its reply and cutting one's progress stream, aborting
 * a GET that resumes a stream with Last-Event-ID, and closing GET and HTTP+SSE streams. Once the
 * calls are over and the sessions deleted, the engine's counters (sessions, streams, requests in
 * flight, keep-alive timers), the server's connections and listeners, and the process's active
 * handles (`process.getActiveResourcesInfo()`) are back where they started.
 */
import 'reflect-metadata';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createFuzzTarget } from './fixtures/fuzzTarget';
import { MODERN_META } from './support/fuzzMessages';
import { HttpPeer } from './support/HttpPeer';
import type { RawResponse } from './support/HttpPeer';

jest.setTimeout(30_000);

const N = 20;
const BOTH = 'application/json, text/event-stream';
const running: Record<'sse' | 'json', RunningHttpServer> = {} as never;

beforeAll(async () => {
  const options = { port: 0, handleSignals: false, keepAliveMs: 1000 };
  running.sse = await serve(createFuzzTarget(), options);
  running.json = await serve(createFuzzTarget(), { ...options, enableJsonResponse: true });
});
afterAll(async () => {
  await Promise.all([running.sse.close(), running.json.close()]);
});

/** Counts of the process's active handles, by type. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

async function until(check: () => boolean, what: () => unknown, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not settled in ${ms} ms: ${JSON.stringify(what())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const call = (
  name: string,
  args: Record<string, unknown>,
  id: number | string = 1,
  meta?: Record<string, unknown>,
) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name, arguments: args, ...(meta ? { _meta: meta } : {}) },
  });

/** Opens a 2025-11-25 session on `url`; returns its headers. */
async function session(peer: HttpPeer): Promise<Record<string, string>> {
  const init = await peer.send({
    method: 'POST',
    path: '/mcp',
    headers: { 'content-type': 'application/json', accept: BOTH },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'leak', version: '1' },
      },
    }),
  });
  const headers = {
    'content-type': 'application/json',
    accept: BOTH,
    'mcp-session-id': String(init.headers['mcp-session-id']),
    'mcp-protocol-version': '2025-11-25',
  };
  const done = await peer.send({
    method: 'POST',
    path: '/mcp',
    headers,
    body: '{"jsonrpc":"2.0","method":"notifications/initialized"}',
  });
  expect(done.status).toBe(202);
  return headers;
}

/** The id of the first SSE event of a (cut) response: the priming event of a 2025-11-25 stream. */
const primingId = (res: RawResponse) => /^id: (\S+)$/m.exec(res.body)?.[1] as string;

it('leaves no session, stream, request, timer, listener or handle behind after clients go away', async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const baseline = handles(); // the two listening servers, jest's own pipes and timers
  const peers = {
    sse: new HttpPeer(running.sse.url, 256),
    json: new HttpPeer(running.json.url, 256),
  };
  const modern = {
    'content-type': 'application/json',
    accept: BOTH,
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': 'tools/call',
  };
  const sessions = {
    sse: [] as Array<Record<string, string>>,
    json: [] as Array<Record<string, string>>,
  };

  await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const s = await session(peers.sse);
      const j = await session(peers.json);
      sessions.sse.push(s);
      sessions.json.push(j);
      // mid-stream: the legacy POST's SSE stream is closed after its priming event; the call goes on
      const cut = await peers.sse.send({
        method: 'POST',
        path: '/mcp',
        headers: s,
        body: call('sleep', { ms: 300 }, 1),
        cut: true,
      });
      expect(cut.cut).toBe(true);
      // mid-resume: a GET resuming that stream is aborted
      const resumed = peers.sse.send({
        method: 'GET',
        path: '/mcp',
        headers: { ...s, accept: 'text/event-stream', 'last-event-id': primingId(cut) },
        abortAfterMs: 50,
      });
      // mid-request: a legacy POST (JSON reply) and a modern call aborted before their reply
      const legacyJson = peers.json.send({
        method: 'POST',
        path: '/mcp',
        headers: j,
        body: call('sleep', { ms: 300 }, 1),
        abortAfterMs: 50,
      });
      const modernJson = peers.sse.send({
        method: 'POST',
        path: '/mcp',
        headers: { ...modern, 'mcp-name': 'sleep' },
        body: call('sleep', { ms: 300 }, `m${i}`, MODERN_META),
        abortAfterMs: 50,
      });
      // mid-stream, modern: the progress stream is cut; the handler is cancelled
      const ticks = peers.sse.send({
        method: 'POST',
        path: '/mcp',
        headers: { ...modern, 'mcp-name': 'ticks' },
        body: call('ticks', { count: 20 }, `t${i}`, { ...MODERN_META, progressToken: i }),
        cut: true,
      });
      // a GET stream and an HTTP+SSE stream, closed by the client
      const get = peers.sse.send({
        method: 'GET',
        path: '/mcp',
        headers: { ...s, accept: 'text/event-stream' },
        cut: true,
      });
      const sse = peers.sse.send({
        method: 'GET',
        path: '/sse',
        headers: { accept: 'text/event-stream' },
        cut: true,
      });
      for (const res of await Promise.all([resumed, legacyJson, modernJson, ticks, get, sse]))
        expect(res.cut).toBe(true);
    }),
  );

  const engines = [running.sse.app.mcp, running.json.app.mcp];
  const busy = () => engines.map((e) => e.stats());
  await until(
    () =>
      busy().every(
        (s) =>
          s.openStreams === 0 && s.inflight === 0 && s.sessionRequests === 0 && s.sseSessions === 0,
      ),
    busy,
  );

  // the sessions themselves are the clients' until they DELETE them
  expect(busy().map((s) => s.sessions)).toEqual([N, N]);
  for (const [kind, list] of Object.entries(sessions) as Array<
    ['sse' | 'json', Array<Record<string, string>>]
  >) {
    for (const headers of list)
      expect((await peers[kind].send({ method: 'DELETE', path: '/mcp', headers })).status).toBe(
        200,
      );
  }
  for (const stats of busy())
    expect(stats).toEqual({
      sessions: 0,
      sseSessions: 0,
      openStreams: 0,
      inflight: 0,
      sessionRequests: 0,
      timers: 1,
      draining: false,
    });
  for (const target of Object.values(running)) {
    const server = target.app.mcp.server;
    expect(server.connectionCount).toBe(0);
    expect(server.broadcastListeners.size).toBe(0);
    expect(server.closeListeners.size).toBe(0);
  }

  peers.sse.destroy();
  peers.json.destroy();
  // no socket, timer or other handle more than before the clients came
  const settled = () => Object.entries(handles()).every(([type, n]) => n <= (baseline[type] ?? 0));
  await until(settled, () => ({ baseline, now: handles() }));
  expect(handles().TCPSocketWrap ?? 0).toBe(0);
});
