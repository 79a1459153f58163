/**
 * Legacy Streamable HTTP resumability (2025-11-25): a POST's SSE stream cut mid-way and resumed
 * with Last-Event-ID loses no message and duplicates none; the priming event carries `retry`.
 */
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';

const BOTH = 'application/json, text/event-stream';

interface SseEvent {
  id?: string;
  data: string;
  retry?: number;
}

/** Reads SSE events from a response until `stopAfter` returns true or the stream ends. */
async function readEvents(res: Response, stopAfter: (events: SseEvent[]) => boolean, controller?: AbortController): Promise<SseEvent[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event: SseEvent = { data: '' };
        let isComment = true;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          isComment = false;
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') event.id = value;
          if (field === 'data') event.data += value;
          if (field === 'retry') event.retry = Number(value);
        }
        if (!isComment) events.push(event);
        if (stopAfter(events)) {
          controller?.abort();
          await reader.cancel().catch(() => undefined);
          return events;
        }
      }
    }
  } catch {
    // aborted
  }
  return events;
}

let running: RunningHttpServer;
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
  running = await serve(server, { port: 0, handleSignals: false });
});
afterAll(() => running.close());

it('a stream cut mid-way and resumed with Last-Event-ID loses nothing and duplicates nothing', async () => {
  const init = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: BOTH },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c', version: '1' } } }),
  });
  const session = init.headers.get('mcp-session-id') as string;
  await init.text();
  const headers = { 'content-type': 'application/json', accept: BOTH, 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' };
  await fetch(`${running.url}/mcp`, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });

  const controller = new AbortController();
  const call = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers,
    signal: controller.signal,
    body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'x', arguments: {}, _meta: { progressToken: 'p' } } }),
  });
  // the priming event (id, empty data, retry) then three progress events, then cut
  const first = await readEvents(call, (events) => events.filter((e) => e.data).length >= 3, controller);
  expect(first[0]).toMatchObject({ data: '', retry: 1000 });
  expect(first[0].id).toBeDefined();
  const lastId = first[first.length - 1].id as string;

  await new Promise((r) => setTimeout(r, 250)); // the handler goes on while the client is away
  const resumed = await fetch(`${running.url}/mcp`, { method: 'GET', headers: { accept: 'text/event-stream', 'mcp-session-id': session, 'last-event-id': lastId } });
  expect(resumed.status).toBe(200);
  const rest = await readEvents(resumed, (events) => events.some((e) => e.data.includes('"id":2')));

  const messages = [...first, ...rest].filter((e) => e.data).map((e) => JSON.parse(e.data) as { method?: string; params?: { progress: number }; result?: unknown });
  const progress = messages.filter((m) => m.method === 'notifications/progress').map((m) => m.params?.progress);
  expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(messages.filter((m) => m.result !== undefined)).toHaveLength(1);
  const ids = [...first, ...rest].map((e) => e.id).filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
});
