/**
 * Load on one server process over real HTTP on 127.0.0.1: 1,000 legacy sessions opened at once
 * (initialize, initialized, a tools/call each, all in flight together over up to 1,000
 * keep-alive connections), then 1,000 concurrent 2026-07-28 calls. Every one is answered, correctly and in
 * its own session, and nothing is left in flight afterwards.
 */
import 'reflect-metadata';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createFuzzTarget } from './fixtures/fuzzTarget';
import { MODERN_META } from './support/fuzzMessages';
import { HttpPeer } from './support/HttpPeer';
import type { RawResponse } from './support/HttpPeer';

jest.setTimeout(60_000);

const N = 1000;
const BOTH = 'application/json, text/event-stream';
let running: RunningHttpServer;
let peer: HttpPeer;
beforeAll(async () => {
  running = await serve(createFuzzTarget(), { port: 0, handleSignals: false });
  peer = new HttpPeer(running.url, N, 30_000);
});
afterAll(async () => {
  peer.destroy();
  await running.close();
});

/** The JSON-RPC messages of an SSE body. */
function sseMessages(res: RawResponse): Array<Record<string, any>> {
  return res.body
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line.length > 6)
    .map((line) => JSON.parse(line.slice(6)) as Record<string, any>);
}

it(`serves ${N} legacy sessions opened and used all at once`, async () => {
  const versions = ['2025-11-25', '2025-06-18', '2025-03-26'];
  const results = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const version = versions[i % versions.length];
      const init = await peer.send({
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
            clientInfo: { name: `c${i}`, version: '1' },
          },
        }),
      });
      expect(init.status).toBe(200);
      expect(sseMessages(init)[0].result.protocolVersion).toBe(version);
      const headers = {
        'content-type': 'application/json',
        accept: BOTH,
        'mcp-session-id': String(init.headers['mcp-session-id']),
        'mcp-protocol-version': version,
      };
      const initialized = await peer.send({
        method: 'POST',
        path: '/mcp',
        headers,
        body: '{"jsonrpc":"2.0","method":"notifications/initialized"}',
      });
      expect(initialized.status).toBe(202);
      const reply = await peer.send({
        method: 'POST',
        path: '/mcp',
        headers,
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'add', arguments: { a: i, b: 1000 } },
        }),
      });
      expect(reply.status).toBe(200);
      const messages = sseMessages(reply);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        id: 1,
        result: { structuredContent: { result: i + 1000 } },
      });
      return headers['mcp-session-id'];
    }),
  );
  expect(new Set(results).size).toBe(N);
  const stats = running.app.mcp.stats();
  expect(stats).toMatchObject({ sessions: N, openStreams: 0, inflight: 0, sessionRequests: 0 });
  await Promise.all(
    results.map((id) =>
      peer.send({ method: 'DELETE', path: '/mcp', headers: { 'mcp-session-id': id } }),
    ),
  );
  expect(running.app.mcp.stats().sessions).toBe(0);
});

it(`answers ${N} concurrent 2026-07-28 calls`, async () => {
  const headers = {
    'content-type': 'application/json',
    accept: BOTH,
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': 'tools/call',
    'mcp-name': 'add',
  };
  const replies = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      peer.send({
        method: 'POST',
        path: '/mcp',
        headers,
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: `m${i}`,
          method: 'tools/call',
          params: { name: 'add', arguments: { a: i, b: -1 }, _meta: MODERN_META },
        }),
      }),
    ),
  );
  replies.forEach((res, i) => {
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      jsonrpc: '2.0',
      id: `m${i}`,
      result: { structuredContent: { result: i - 1 }, resultType: 'complete' },
    });
  });
  expect(running.app.mcp.stats()).toMatchObject({ inflight: 0, openStreams: 0 });
});
