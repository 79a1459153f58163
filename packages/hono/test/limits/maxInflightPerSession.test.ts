/**
 * maxInflightPerSession over a real server on 127.0.0.1: a session with that many requests
 * awaiting replies gets 429 (Retry-After, a JSON-RPC error naming the option) for one more, which
 * never runs; its notifications still pass, other sessions are unaffected, and once replies went
 * out the session is served again. For Streamable HTTP (SSE and JSON replies) and HTTP+SSE.
 */
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { messagesOf, openSession, readEvents, until } from '../support/http';
import { expectLimit, gatedServer } from './gatedServer';
import type { GatedServer } from './gatedServer';

const call = (id: number, name = 'hold') =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name } });

describe.each([
  ['SSE replies', false],
  ['JSON replies', true],
])('Streamable HTTP, %s', (_name, enableJsonResponse) => {
  let gated: GatedServer;
  let running: RunningHttpServer;
  beforeAll(async () => {
    gated = gatedServer();
    running = await serve(gated.server, {
      port: 0,
      handleSignals: false,
      maxInflightPerSession: 2,
      enableJsonResponse,
    });
  });
  afterAll(() => running.close());

  it('refuses the third request in flight with 429, then serves it once the load dropped', async () => {
    const { headers } = await openSession(running.url);
    const other = await openSession(running.url);
    const post = (body: string, h = headers) =>
      fetch(`${running.url}/mcp`, { method: 'POST', headers: h, body });
    const first = post(call(1));
    const second = post(call(2));
    await until(() => gated.waiting === 2);
    await expectLimit(await post(call(3)), 429, 'maxInflightPerSession', 3);
    expect(gated.waiting).toBe(2); // the refused request never ran
    expect(
      (await post('{"jsonrpc":"2.0","method":"notifications/roots/list_changed"}')).status,
    ).toBe(202);
    const elsewhere = await post(call(1, 'now'), other.headers);
    expect(await elsewhere.text()).toContain('now done');

    gated.open();
    for (const reply of await Promise.all([first, second]))
      expect(await reply.text()).toContain('hold done');
    await until(() => running.app.mcp.stats().sessionRequests === 0);
    const again = await post(call(3));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('hold done');
    gated.close();
  });
});

it('HTTP+SSE: the third request in flight gets 429 and the session serves again after', async () => {
  const gated = gatedServer();
  const running = await serve(gated.server, {
    port: 0,
    handleSignals: false,
    maxInflightPerSession: 2,
  });
  try {
    const stream = await fetch(`${running.url}/sse`, { headers: { accept: 'text/event-stream' } });
    let endpoint = '';
    const replies = readEvents(stream, (events) => {
      endpoint ||= events.find((e) => e.event === 'endpoint')?.data ?? '';
      return messagesOf(events.filter((e) => e.event === 'message')).length >= 4;
    });
    await until(() => endpoint !== '');
    const post = (body: string) =>
      fetch(`${running.url}${endpoint}`, {
        method: 'POST',
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
          clientInfo: { name: 't', version: '1' },
        },
      }),
    );
    await post('{"jsonrpc":"2.0","method":"notifications/initialized"}');
    expect((await post(call(1))).status).toBe(202);
    expect((await post(call(2))).status).toBe(202);
    await until(() => gated.waiting === 2);
    await expectLimit(await post(call(3)), 429, 'maxInflightPerSession', 3);
    gated.open();
    await until(() => running.app.mcp.stats().sessionRequests === 0);
    expect((await post(call(4))).status).toBe(202);
    const messages = messagesOf((await replies).filter((e) => e.event === 'message'));
    expect(messages.map((m) => m.id).sort()).toEqual([0, 1, 2, 4]);
    expect(messages.every((m) => m.result)).toBe(true);
  } finally {
    await running.close();
  }
});
