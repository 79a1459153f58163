/**
 * Property-based fuzzing of the HTTP endpoint: 20,000 generated requests (fast-check), 500 at a
 * time over 16 keep-alive connections, to a real server on 127.0.0.1 — 2026-07-28 POSTs with
 * right and wrong headers, POSTs in live and ended legacy sessions, GET/DELETE/other methods,
 * HTTP+SSE traffic, junk methods, paths, content types, origins and hosts; bodies from the same
 * generator as the stdio fuzzer. Every request gets an answer in time, with the status its class
 * calls for and, inside, the JSON-RPC answer the message calls for; no 5xx, no stack trace, every
 * error a JSON-RPC body. Afterwards nothing is left in flight and the server serves normally.
 */
import 'reflect-metadata';
import fc from 'fast-check';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createFuzzTarget } from './fixtures/fuzzTarget';
import { brief } from './support/checkAnswer';
import { MODERN_META } from './support/fuzzMessages';
import { buildCase, httpBatchOf } from './support/httpCases';
import type { HttpCase, HttpFuzzContext } from './support/httpCases';
import { problemsOf, sseMessages } from './support/checkHttp';
import { HttpPeer } from './support/HttpPeer';

jest.setTimeout(120_000);

const BATCH = 500;
const RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20260728);
const BOTH = 'application/json, text/event-stream';

let running: RunningHttpServer;
let peer: HttpPeer;
const ctx: HttpFuzzContext = { sessions: [], ended: [], sseEndpoints: [] };
const opened = new Set<string>();
const sseStreams: Array<{ peer: HttpPeer; text: () => string }> = [];

async function openSession(version: string): Promise<string> {
  const res = await peer.send({
    method: 'POST',
    path: '/mcp',
    headers: { 'content-type': 'application/json', accept: BOTH },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: version,
        capabilities: {},
        clientInfo: { name: 'fuzz', version: '1' },
      },
    }),
  });
  const id = String(res.headers['mcp-session-id']);
  const headers = { 'content-type': 'application/json', accept: BOTH, 'mcp-session-id': id };
  await peer.send({
    method: 'POST',
    path: '/mcp',
    headers,
    body: '{"jsonrpc":"2.0","method":"notifications/initialized"}',
  });
  return id;
}

async function openSseSession(): Promise<void> {
  const own = new HttpPeer(running.url, 1, 600_000);
  let text = '';
  void own
    .send({
      method: 'GET',
      path: '/sse',
      headers: { accept: 'text/event-stream' },
      ondata: (chunk) => (text += chunk),
    })
    .catch(() => undefined);
  while (!/data: (\S+)/.test(text)) await new Promise((resolve) => setTimeout(resolve, 5));
  const endpoint = (/data: (\S+)/.exec(text) as RegExpExecArray)[1];
  const post = (body: string) =>
    peer.send({
      method: 'POST',
      path: endpoint,
      headers: { 'content-type': 'application/json' },
      body,
    });
  await post(
    JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: '2024-11-05',
        capabilities: {},
        clientInfo: { name: 'fuzz', version: '1' },
      },
    }),
  );
  await post('{"jsonrpc":"2.0","method":"notifications/initialized"}');
  ctx.sseEndpoints.push(endpoint);
  sseStreams.push({ peer: own, text: () => text });
}

beforeAll(async () => {
  running = await serve(createFuzzTarget(), { port: 0, handleSignals: false });
  peer = new HttpPeer(running.url, 16);
  for (const version of ['2025-11-25', '2025-06-18', '2025-03-26', '2025-11-25'])
    ctx.sessions.push({ id: await openSession(version), version });
  for (let i = 0; i < 2; i++) {
    const id = await openSession('2025-11-25');
    await peer.send({ method: 'DELETE', path: '/mcp', headers: { 'mcp-session-id': id } });
    ctx.ended.push(id);
  }
  await openSseSession();
  await openSseSession();
});

afterAll(async () => {
  peer?.destroy();
  for (const stream of sseStreams) stream.peer.destroy();
  await running?.close();
});

async function runBatch(cases: HttpCase[]): Promise<string[]> {
  const problems: string[] = [];
  await Promise.all(
    cases.map(async (c) => {
      let res;
      try {
        res = await peer.send(c.request);
      } catch (error) {
        problems.push(
          `no answer (${(error as Error).message}) to ${c.request.method} ${c.request.path} ${brief(c.request.body)}`,
        );
        return;
      }
      const session = res.headers['mcp-session-id'];
      if (res.status === 200 && typeof session === 'string') opened.add(session);
      for (const problem of problemsOf(c, res)) {
        problems.push(
          `${problem}\n  to ${c.request.method} ${c.request.path} ${brief(c.request.headers)} ${brief(c.request.body)}`,
        );
      }
    }),
  );
  return problems;
}

it(`answers ${RUNS * BATCH} generated HTTP requests correctly and keeps serving`, async () => {
  await fc.assert(
    fc.asyncProperty(httpBatchOf(BATCH), async (specs) => {
      const problems = await runBatch(specs.map((s) => buildCase(s, ctx)));
      if (problems.length > 0)
        throw new Error(`${problems.length} problems:\n${problems.slice(0, 12).join('\n')}`);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );

  // the HTTP+SSE streams carried only well-formed JSON-RPC
  for (const stream of sseStreams) {
    for (const message of sseMessages(stream.text())) expect(message.jsonrpc).toBe('2.0');
  }
  // nothing left in flight once the cut streams are seen closed; then every session ends
  const engine = running.app.mcp;
  const settle = async (check: () => boolean) => {
    for (let i = 0; i < 500 && !check(); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return engine.stats();
  };
  expect(
    await settle(() => engine.stats().inflight === 0 && engine.stats().openStreams === 2),
  ).toMatchObject({ inflight: 0, openStreams: 2 });
  for (const stream of sseStreams) stream.peer.destroy();
  for (const id of [...ctx.sessions.map((s) => s.id), ...opened])
    await peer.send({ method: 'DELETE', path: '/mcp', headers: { 'mcp-session-id': id } });
  const after = await settle(
    () =>
      engine.stats().sseSessions === 0 &&
      engine.stats().sessions === 0 &&
      engine.stats().sessionRequests === 0,
  );
  expect(after).toMatchObject({
    sessions: 0,
    sseSessions: 0,
    openStreams: 0,
    inflight: 0,
    sessionRequests: 0,
  });

  // still serving, both eras
  const modern = await peer.send({
    method: 'POST',
    path: '/mcp',
    headers: {
      'content-type': 'application/json',
      accept: BOTH,
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'add',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 'after',
      method: 'tools/call',
      params: { name: 'add', arguments: { a: 2, b: 3 }, _meta: MODERN_META },
    }),
  });
  expect(JSON.parse(modern.body)).toMatchObject({
    id: 'after',
    result: { structuredContent: { result: 5 } },
  });
  const id = await openSession('2025-11-25');
  const legacy = await peer.send({
    method: 'POST',
    path: '/mcp',
    headers: { 'content-type': 'application/json', accept: BOTH, 'mcp-session-id': id },
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3}}}',
  });
  expect(sseMessages(legacy.body)[0]).toMatchObject({
    id: 1,
    result: { structuredContent: { result: 5 } },
  });
});
