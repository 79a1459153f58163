/**
 * maxBodyBytes over a real server on 127.0.0.1: a body of exactly the limit is read; one byte
 * more is 413 with a JSON-RPC error naming the option, whether the body declares its length or
 * streams in chunks, and however far past the limit it goes (the client reads our answer, not a
 * reset); the same on the HTTP+SSE POST path; and the server serves normally afterwards.
 */
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { modernHeaders, MODERN_META, until } from '../support/http';
import { gatedServer } from './gatedServer';

const LIMIT = 2048;
let running: RunningHttpServer;
beforeAll(async () => {
  running = await serve(gatedServer().server, {
    port: 0,
    handleSignals: false,
    maxBodyBytes: LIMIT,
  });
});
afterAll(() => running.close());

/** A modern tools/call padded (inside the arguments) to exactly `size` bytes. */
function bodyOf(size: number): string {
  const empty = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 'now', arguments: { pad: '' }, _meta: MODERN_META },
  });
  return empty.replace('"pad":""', `"pad":"${'x'.repeat(size - Buffer.byteLength(empty))}"`);
}

const chunked = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = new TextEncoder().encode(text);
      for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.subarray(i, i + 500));
      controller.close();
    },
  });

const post = (
  body: string | ReadableStream<Uint8Array>,
  path = '/mcp',
  headers = modernHeaders('tools/call', { 'mcp-name': 'now' }),
) =>
  fetch(`${running.url}${path}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);

async function expect413(res: Response): Promise<void> {
  expect(res.status).toBe(413);
  const body = (await res.json()) as { error: { code: number; message: string; data: unknown } };
  expect(body.error.code).toBe(-32600);
  expect(body.error.message).toContain(`exceeds ${LIMIT} bytes (raise the maxBodyBytes option)`);
  expect(body.error.data).toEqual({ limit: 'maxBodyBytes', value: LIMIT });
}

it('reads a body of exactly maxBodyBytes', async () => {
  const res = await post(bodyOf(LIMIT));
  expect(res.status).toBe(200);
  expect(
    ((await res.json()) as { result: { content: Array<{ text: string }> } }).result.content[0].text,
  ).toBe('now done');
});

it.each([
  ['one byte over, with Content-Length', () => bodyOf(LIMIT + 1)],
  ['one byte over, chunked', () => chunked(bodyOf(LIMIT + 1))],
  ['50 times over, with Content-Length', () => bodyOf(LIMIT * 50)],
  ['50 times over, chunked', () => chunked(bodyOf(LIMIT * 50))],
])('answers 413 naming maxBodyBytes: %s', async (_name, body) => {
  await expect413(await post(body()));
});

it('applies to the HTTP+SSE POST path too, then serves normally', async () => {
  const stream = await fetch(`${running.url}/sse`, { headers: { accept: 'text/event-stream' } });
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  const endpoint = /data: (\S+)/.exec(first)?.[1] as string;
  await expect413(await post(bodyOf(LIMIT + 1), endpoint, { 'content-type': 'application/json' }));
  await reader.cancel();
  await until(() => running.app.mcp.stats().sseSessions === 0);
  const res = await post(bodyOf(400));
  expect(res.status).toBe(200);
  await res.text();
});
