/**
 * Issue 14, item 2: a 64 KiB `resources/read` against a template with adjacent variables
 * (`x://{a}{b}{c}`) blocked the event loop for seconds while a concurrent `tools/call` waited.
 * Matching is now linear; URIs over 65 536 characters are refused with -32602.
 */
import { openLegacySession } from './support/legacySession';
import 'reflect-metadata';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createIssue14Target } from './fixtures/issue14Target';

jest.setTimeout(60_000);

let running: RunningHttpServer;
let headers: Record<string, string>;
beforeAll(async () => {
  running = await serve(createIssue14Target(), { port: 0, handleSignals: false });
  // a legacy session: a 2026-07-28 request would have to repeat the URI in its Mcp-Name header
  headers = await openLegacySession(running.url, '2025-06-18');
});
afterAll(() => running.close());

let nextId = 1;
async function post(
  method: string,
  params: Record<string, unknown>,
): Promise<{ body: Record<string, any>; ms: number }> {
  const start = performance.now();
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  const text = await res.text();
  const data = text.split('\n').find((line) => line.startsWith('data: {')) as string;
  return { body: JSON.parse(data.slice(6)) as Record<string, any>, ms: performance.now() - start };
}

it('a 64 KiB URI against adjacent variables does not hold up a concurrent tool call', async () => {
  const uris = [`x://${'a'.repeat(65_530)}/`, `db://${'a.'.repeat(32_760)}/`];
  const reads = uris.map((uri) => post('resources/read', { uri }));
  const call = post('tools/call', { name: 'echo', arguments: { text: 'still here' } });
  const [answered, ...misses] = await Promise.all([call, ...reads]);
  expect(answered.body.result.content).toEqual([{ type: 'text', text: 'still here' }]);
  for (const miss of misses)
    expect(miss.body.error).toMatchObject({
      code: -32002,
      message: expect.stringMatching(/Resource not found/),
    });
  expect(Math.max(answered.ms, ...misses.map((m) => m.ms))).toBeLessThan(2_000);
});

it('a long URI that matches binds its variables', async () => {
  const uri = `db://${'t'.repeat(30_000)}.${'c'.repeat(30_000)}`;
  const read = await post('resources/read', { uri });
  expect(read.body.result.contents[0].text).toBe(`${'t'.repeat(30_000)}.${'c'.repeat(30_000)}`);
});

it('refuses a URI over 65 536 characters with -32602 naming the limit', async () => {
  const uri = `x://${'a'.repeat(70_000)}`;
  const read = await post('resources/read', { uri });
  expect(read.body.error).toMatchObject({
    code: -32602,
    data: { limit: 'maxUriLength', value: 65_536 },
  });
  expect(read.body.error.message).toMatchInlineSnapshot(
    `"resources/read: the URI is 70004 characters long, over the limit of 65536"`,
  );
});
