/**
 * Issue 14, item 10: `statelessOnly` refused `initialize`, so every 2025-era client failed with
 * -32022. `statelessLegacy` serves them without sessions: `initialize` answered with no
 * `Mcp-Session-Id`, each POST self-contained, no state kept. Driven by the official 1.x client.
 */
import 'reflect-metadata';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1Http } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createIssue14Target } from './fixtures/issue14Target';

jest.setTimeout(60_000);

let running: RunningHttpServer;
beforeAll(async () => {
  running = await serve(createIssue14Target(), {
    port: 0,
    handleSignals: false,
    statelessLegacy: true,
  });
});
afterAll(() => running.close());

it('the official 1.x client initializes, lists, calls with progress and reads, with no session kept', async () => {
  const transport = new V1Http(new URL(`${running.url}/mcp`));
  const client = new V1Client({ name: 'official-v1', version: '1.0.0' });
  await client.connect(transport);
  expect(transport.sessionId).toBeUndefined();
  expect(client.getServerVersion()).toEqual({ name: 'issue-14-target', version: '1.0.0' });
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toContain('echo');
  const seen: number[] = [];
  const result = await client.callTool(
    { name: 'fastProgress', arguments: { count: 3 } },
    undefined,
    { onprogress: (p) => seen.push(p.progress) },
  );
  expect(result).toMatchObject({ content: [{ type: 'text', text: 'reported 3' }] });
  expect(seen).toEqual([1, 2, 3]);
  expect((await client.readResource({ uri: 'db://users.name' })).contents[0]).toMatchObject({
    text: 'users.name',
  });
  // asking the client back needs a session: refused with a precise error, the server stays up
  await expect(client.callTool({ name: 'confirm', arguments: {} })).rejects.toThrow(
    /did not declare the "elicitation" capability/,
  );
  await expect(client.callTool({ name: 'nope', arguments: {} })).rejects.toThrow(
    /Unknown tool: nope/,
  );
  expect(running.app.mcp.stats()).toMatchObject({ sessions: 0, sseSessions: 0 });
  await client.close();
});

it('answers initialize without Mcp-Session-Id, and any later POST on its own', async () => {
  const post = (body: object, version?: string) =>
    fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(version ? { 'mcp-protocol-version': version } : {}),
      },
      body: JSON.stringify(body),
    });
  const init = await post({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'raw', version: '1' },
    },
  });
  expect(init.status).toBe(200);
  expect(init.headers.get('mcp-session-id')).toBeNull();
  expect(await init.json()).toMatchObject({ id: 1, result: { protocolVersion: '2025-06-18' } });
  expect(
    (await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, '2025-06-18')).status,
  ).toBe(202);
  // no initialize before it, no session: still answered
  const call = await post(
    {
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'alone' } },
    },
    '2025-06-18',
  );
  expect(await call.json()).toMatchObject({
    id: 2,
    result: { content: [{ type: 'text', text: 'alone' }] },
  });
  const bad = await post({ jsonrpc: '2.0', id: 3, method: 'tools/list' }, '1999-01-01');
  expect(bad.status).toBe(400);
  const get = await fetch(`${running.url}/mcp`, {
    method: 'GET',
    headers: { accept: 'text/event-stream' },
  });
  expect(get.status).toBe(405);
});
