/**
 * Issue 14, item 4: 10 000 `initialize` calls filled `maxSessions` and every later legacy client
 * got 503 (`Retry-After: 1`, a lie) for 30 minutes. Now a session that sends nothing after
 * `initialize` is ended within seconds, and at the limit the least recently active idle session
 * makes room, so a real client gets in during the flood.
 */
import 'reflect-metadata';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1Http } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createIssue14Target } from './fixtures/issue14Target';

jest.setTimeout(120_000);

let running: RunningHttpServer;
beforeAll(async () => {
  running = await serve(createIssue14Target(), {
    port: 0,
    handleSignals: false,
    maxSessions: 200,
    unusedSessionTimeoutMs: 1_000,
  });
});
afterAll(() => running.close());

const initialize = async (id: number): Promise<number> => {
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'flood', version: '1' },
      },
    }),
  });
  await res.text();
  return res.status;
};

it('a flood of handshakes never locks a real client out, and unused sessions are gone within seconds', async () => {
  const statuses: number[] = [];
  for (let batch = 0; batch < 10; batch++)
    statuses.push(
      ...(await Promise.all(Array.from({ length: 100 }, (_, i) => initialize(batch * 100 + i)))),
    );
  expect(statuses.every((s) => s === 200)).toBe(true); // the oldest idle session made room each time
  expect(running.app.mcp.sessions.size).toBeLessThanOrEqual(200);

  const client = new V1Client({ name: 'real', version: '1.0.0' });
  await client.connect(new V1Http(new URL(`${running.url}/mcp`)));
  expect(await client.callTool({ name: 'echo', arguments: { text: 'in' } })).toMatchObject({
    content: [{ type: 'text', text: 'in' }],
  });

  // the flood's sessions sent nothing after initialize: ended within seconds (server broadcasts
  // to them do not count as use); the real one stays
  const broadcasts = setInterval(() => running.app.mcp.server.sendToolListChanged(), 100);
  const until = Date.now() + 20_000;
  while (running.app.mcp.sessions.size > 1 && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50));
  clearInterval(broadcasts);
  expect(running.app.mcp.sessions.size).toBe(1);
  expect(await client.callTool({ name: 'echo', arguments: { text: 'still in' } })).toMatchObject({
    content: [{ type: 'text', text: 'still in' }],
  });
  await client.close();
});
