/** Graceful shutdown: close() lets in-flight requests finish before the streams close. */
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';

const META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };

it('an accepted request gets its reply even when shutdown starts while it runs', async () => {
  const server = new Server({ name: 'shutdown', version: '1.0.0' });
  server.setRequestHandler('tools/call', async () => {
    await new Promise((r) => setTimeout(r, 300));
    return { content: [{ type: 'text', text: 'made it' }] };
  });
  let shutdownHookRan = false;
  const running = await serve(server, { port: 0, handleSignals: false, onshutdown: () => (shutdownHookRan = true) });
  const reply = fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'slow',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'slow', _meta: META } }),
  });
  await new Promise((r) => setTimeout(r, 50));
  const closing = running.close();
  const res = await reply;
  expect(res.status).toBe(200);
  expect(((await res.json()) as { result: { content: Array<{ text: string }> } }).result.content[0].text).toBe('made it');
  await closing;
  expect(shutdownHookRan).toBe(true);
  await expect(fetch(`${running.url}/mcp`, { method: 'POST' })).rejects.toThrow();
});

it('ends open subscriptions/listen streams with their final result instead of waiting for them', async () => {
  const server = new Server({ name: 'listen', version: '1.0.0' });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  server.addCapabilities({ tools: { listChanged: true } });
  const running = await serve(server, { port: 0, handleSignals: false, shutdownTimeoutMs: 5000 });
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'subscriptions/listen',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 'sub', method: 'subscriptions/listen', params: { notifications: { toolsListChanged: true }, _meta: META } }),
  });
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const reading = res.text();
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  await running.close();
  expect(Date.now() - started).toBeLessThan(2000);
  const text = await reading;
  expect(text).toContain('notifications/subscriptions/acknowledged');
  expect(text).toContain('"id":"sub","result"');
});
