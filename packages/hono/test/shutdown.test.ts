/** Graceful shutdown: close() lets in-flight requests finish before the streams close. */
import 'reflect-metadata';
import { McpServer, Server, Tool, createServer } from '@typemcp/server';
import { mcpHonoApp, serve } from '@typemcp/hono';

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};

it('an accepted request gets its reply even when shutdown starts while it runs', async () => {
  const server = new Server({ name: 'shutdown', version: '1.0.0' });
  let running_: () => void = () => undefined;
  const handlerRunning = new Promise<void>((resolve) => (running_ = resolve));
  server.setRequestHandler('tools/call', async () => {
    running_();
    await new Promise((r) => setTimeout(r, 300));
    return { content: [{ type: 'text', text: 'made it' }] };
  });
  let shutdownHookRan = false;
  const running = await serve(server, {
    port: 0,
    handleSignals: false,
    onshutdown: () => (shutdownHookRan = true),
  });
  const reply = fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'slow',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'slow', _meta: META },
    }),
  });
  await handlerRunning; // shutdown starts while the request runs, however slow the machine
  const closing = running.close();
  const res = await reply;
  expect(res.status).toBe(200);
  expect(
    ((await res.json()) as { result: { content: Array<{ text: string }> } }).result.content[0].text,
  ).toBe('made it');
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
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 'sub',
      method: 'subscriptions/listen',
      params: { notifications: { toolsListChanged: true }, _meta: META },
    }),
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

it("mcpHonoApp(app).close() refuses new work, then runs the served app's lifespan cleanup, once", async () => {
  const events: string[] = [];
  @McpServer({
    name: 'mounted',
    version: '1.0.0',
    lifespan: async function* () {
      events.push('started');
      yield;
      events.push('cleaned up');
    },
  })
  class Mounted {
    @Tool()
    ping(): string {
      return 'pong';
    }
  }
  const mcp = mcpHonoApp(createServer({ providers: [Mounted] }));
  const call = () =>
    mcp.request('http://127.0.0.1:3000/mcp', {
      method: 'POST',
      headers: {
        host: '127.0.0.1:3000',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'tools/call',
        'mcp-name': 'ping',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'ping', arguments: {}, _meta: META },
      }),
    });
  expect((await call()).status).toBe(200);
  expect(events).toEqual(['started']);
  await Promise.all([mcp.close(), mcp.close()]);
  expect(events).toEqual(['started', 'cleaned up']);
  expect((await call()).status).toBe(503);
});
