/**
 * The TypeMCP client drives the official SDKs' HTTP servers on 127.0.0.1, detecting the era:
 * the 1.x StreamableHTTPServerTransport (sessions, legacy) and the v2 createMcpHandler
 * (2026-07-28 stateless). SPEC.md 3.2, 3.3, 5.2 (HTTP era detection).
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve as serveNode } from '@hono/node-server';
import { McpServer as V1McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpHandler, McpServer as V2McpServer } from '@modelcontextprotocol/server';
import { Client, HttpClientTransport } from '@typemcp/client';

const { register } = require('../fixtures/officialServer.cjs') as {
  register: <T>(server: T, name: string) => T;
};

jest.setTimeout(60_000);

async function listen(server: http.Server | ReturnType<typeof serveNode>): Promise<string> {
  await new Promise<void>((resolve) =>
    server.listening ? resolve() : server.once('listening', () => resolve()),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
}

async function exercise(client: Client, which: string): Promise<void> {
  const tools = await client.listAllTools();
  expect(tools.map((t) => t.name).sort()).toEqual(['add', 'slow']);
  expect((await client.callTool({ name: 'add', arguments: { a: 1, b: 41 } })).content).toEqual([
    { type: 'text', text: '42' },
  ]);
  expect((await client.readResource({ uri: 'official://hello' })).contents[0]).toMatchObject({
    text: `hello from ${which}`,
  });
  const seen: number[] = [];
  await client.callTool(
    { name: 'slow', arguments: { ms: 50 } },
    { onprogress: (p) => seen.push(p.progress) },
  );
  expect(seen.length).toBeGreaterThanOrEqual(1);
}

describe('TypeMCP client → official HTTP servers', () => {
  it('1.x StreamableHTTPServerTransport: legacy era with a session', async () => {
    const transports = new Map<string, StreamableHTTPServerTransport>();
    const server = http.createServer(async (req, res) => {
      const sid = req.headers['mcp-session-id'] as string | undefined;
      let transport = sid ? transports.get(sid) : undefined;
      if (!transport) {
        transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id) =>
            void transports.set(id, transport as StreamableHTTPServerTransport),
        });
        await register(new V1McpServer({ name: 'official-v1', version: '1.32.2' }), 'v1').connect(
          transport,
        );
      }
      await transport.handleRequest(req, res);
    });
    server.listen(0, '127.0.0.1');
    const url = await listen(server);
    const client = new Client({ name: 'typemcp', version: '0.1.0' });
    await client.connect(new HttpClientTransport(new URL(url)));
    expect(client.era).toBe('legacy');
    expect(client.getServerVersion()?.name).toBe('official-v1');
    await exercise(client, 'v1');
    await client.close();
    server.closeAllConnections();
    server.close();
  });

  it('v2 createMcpHandler: modern era, stateless', async () => {
    const handler = createMcpHandler(() =>
      register(new V2McpServer({ name: 'official-v2', version: '2.4.0' }), 'v2'),
    );
    const server = serveNode({
      fetch: (req: Request) => handler.fetch(req),
      port: 0,
      hostname: '127.0.0.1',
    });
    const url = await listen(server);
    const client = new Client({ name: 'typemcp', version: '0.1.0' });
    await client.connect(new HttpClientTransport(new URL(url)));
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe('2026-07-28');
    await exercise(client, 'v2');
    await client.close();
    await handler.close();
    server.close();
  });
});
