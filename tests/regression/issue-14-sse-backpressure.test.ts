/**
 * Issue 14, item 7: 400 000 progress notifications to a client that never reads took the server
 * from 135 to 688 MiB. Now `await ctx.reportProgress()` waits while the SSE stream's reader lags
 * (64 KiB queued), and progress sent without awaiting is dropped past 1 MiB queued.
 */
import 'reflect-metadata';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createIssue14Target, floodState } from './fixtures/issue14Target';
import { openLegacySession } from './support/legacySession';

jest.setTimeout(120_000);

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};
let running: RunningHttpServer;
beforeAll(async () => {
  running = await serve(createIssue14Target(), { port: 0, handleSignals: false });
});
afterAll(() => running.close());

const call = (name: string, count: number) =>
  fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': name,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name, arguments: { count }, _meta: { ...META, progressToken: 'p' } },
    }),
  });

/** Resolves once `value()` has not changed for `quietChecks` consecutive polls. */
async function settled(value: () => number, quietChecks = 10): Promise<number> {
  let last = -1;
  let quiet = 0;
  const deadline = Date.now() + 60_000;
  while (quiet < quietChecks && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const now = value();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

async function countEvents(
  res: Response,
): Promise<{ progress: number; result?: Record<string, any> }> {
  const text = await res.text();
  let progress = 0;
  let result: Record<string, any> | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const message = JSON.parse(line.slice(6)) as Record<string, any>;
    if (message.method === 'notifications/progress') progress++;
    if (message.result) result = message.result;
  }
  return { progress, result };
}

it('a tool awaiting reportProgress is held while the client does not read, and finishes once it does', async () => {
  const total = 150_000;
  floodState.reached = 0;
  const res = await call('flood', total);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  // the client reads nothing: the tool parks once the socket buffers and 64 KiB are full
  const parked = await settled(() => floodState.reached);
  expect(parked).toBeGreaterThan(0);
  expect(parked).toBeLessThan(total);
  const rss = process.memoryUsage().rss;
  const { progress, result } = await countEvents(res);
  expect(progress).toBe(total); // nothing lost: the producer waited
  expect(result?.content).toEqual([{ type: 'text', text: `flooded ${total}` }]);
  expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
});

it("the same holds on a legacy session's POST stream", async () => {
  const session = await openLegacySession(running.url, '2025-06-18');
  const total = 150_000;
  floodState.reached = 0;
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: session,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'flood', arguments: { count: total }, _meta: { progressToken: 'p' } },
    }),
  });
  const parked = await settled(() => floodState.reached);
  expect(parked).toBeGreaterThan(0);
  expect(parked).toBeLessThan(total);
  const { progress, result } = await countEvents(res);
  expect(progress).toBe(total);
  expect(result?.content).toEqual([{ type: 'text', text: `flooded ${total}` }]);
});

it('progress sent without awaiting is dropped past 1 MiB queued; the result always arrives', async () => {
  const total = 100_000; // about 15 MB of events
  const { progress, result } = await countEvents(await call('floodNoWait', total));
  expect(result?.content).toEqual([{ type: 'text', text: `flooded ${total}` }]);
  expect(progress).toBeGreaterThan(0);
  expect(progress).toBeLessThan(total);
});
