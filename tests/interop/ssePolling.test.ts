/**
 * SSE polling (2025-11-25 transports, SEP-1699): `ctx.closeSseStream()` ends a call's SSE stream
 * mid-call; the official 1.x client reconnects after the `retry` interval with Last-Event-ID and
 * receives the result (and the progress sent meanwhile) on the resumed stream. Without an event
 * store the stream cannot be resumed, so it stays open and the call is answered as usual.
 */
import 'reflect-metadata';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1Http } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryEventStore, serve } from '@typemcp/hono';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';

jest.setTimeout(30_000);

const closed: boolean[] = [];

@McpServer({ name: 'poller', version: '1.0.0' })
class Poller {
  @Tool({ description: 'Frees its connection, works, then answers' })
  async crunch(ctx: Context): Promise<string> {
    closed.push(ctx.closeSseStream());
    await ctx.reportProgress(1, 2, 'halfway');
    await new Promise((r) => setTimeout(r, 300));
    return 'crunched';
  }
}

it.each([
  ['with an event store: the stream closes and the result arrives on the resumed stream', true],
  ['without one: nothing to resume, so the stream stays open', false],
])('%s', async (_name, resumable) => {
  closed.length = 0;
  const running = await serve(createServer({ providers: [Poller] }), {
    port: 0,
    handleSignals: false,
    ...(resumable
      ? { eventStore: new InMemoryEventStore(), retryMs: 100 }
      : { eventStore: false as const }),
  });
  const client = new V1Client({ name: 'v1', version: '1' });
  await client.connect(new V1Http(new URL(`${running.url}/mcp`)));
  const progress: string[] = [];
  // twice: the second call finds the server warm (lifespan started, instance made), where the
  // handler runs before the priming event was stored unless closing waits for it
  for (let call = 0; call < 2; call++) {
    const result = await client.callTool({ name: 'crunch', arguments: {} }, undefined, {
      onprogress: (p) => void progress.push(String(p.message)),
    });
    expect((result.content as Array<{ text: string }>)[0].text).toBe('crunched');
  }
  expect(closed).toEqual([resumable, resumable]);
  expect(progress).toEqual(['halfway', 'halfway']);
  await client.close();
  await running.close();
});
