/**
 * The official clients drive a decorated TypeMCP server served by serve() on 127.0.0.1:
 * 1.x over Streamable HTTP (SSE and JSON replies) and over legacy HTTP+SSE; v2 pinned to
 * 2026-07-28 (stateless POSTs with Mcp-Method/Mcp-Name headers). The TypeMCP client follows.
 * SPEC.md 3.2, 3.3, 3.4.
 */
import 'reflect-metadata';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1Http } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport as V1Sse } from '@modelcontextprotocol/sdk/client/sse.js';
import {
  Client as V2Client,
  StreamableHTTPClientTransport as V2Http,
} from '@modelcontextprotocol/client';
import { Client, HttpClientTransport, StreamableHTTPClientTransport } from '@typemcp/client';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { Arg, Context, createServer, McpServer, Resource, Tool } from '@typemcp/server';
import { IsInt, IsString } from 'class-validator';

jest.setTimeout(60_000);

class Sum {
  @IsInt() total!: number;
  @IsString() words!: string;
}

@McpServer({ name: 'http-demo', version: '1.0.0' })
class HttpDemo {
  @Tool({ description: 'Add two numbers' })
  add(a: number, b: number): number {
    return a + b;
  }
  @Tool({ output: () => Sum })
  async sum(@Arg({ type: () => [Number] }) values: number[] = []): Promise<Sum> {
    return { total: values.reduce((x, y) => x + y, 0), words: `${values.length} values` };
  }
  @Tool()
  async steps(count: number, ctx: Context): Promise<string> {
    for (let i = 1; i <= count; i++) {
      await ctx.reportProgress(i, count);
      await new Promise((r) => setTimeout(r, 10));
    }
    return `did ${count} steps`;
  }
  @Resource('greeting://{name}')
  greeting(name: string): string {
    return `Hello, ${name}!`;
  }
}

let running: RunningHttpServer;
let jsonRunning: RunningHttpServer;
beforeAll(async () => {
  running = await serve(createServer({ providers: [HttpDemo] }), { port: 0, handleSignals: false });
  jsonRunning = await serve(createServer({ providers: [HttpDemo] }), {
    port: 0,
    handleSignals: false,
    enableJsonResponse: true,
  });
});
afterAll(async () => {
  await running.close();
  await jsonRunning.close();
});

async function exercise(client: {
  listTools(): Promise<{ tools: Array<{ name: string }> }>;
  callTool(p: object, ...rest: unknown[]): Promise<unknown>;
  readResource(p: { uri: string }): Promise<{ contents: unknown[] }>;
}) {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toEqual(['add', 'sum', 'steps']);
  expect(await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } })).toMatchObject({
    content: [{ type: 'text', text: '42' }],
    structuredContent: { result: 42 },
  });
  // the official clients validate structuredContent against the advertised outputSchema themselves
  expect(await client.callTool({ name: 'sum', arguments: { values: [1, 2, 3] } })).toMatchObject({
    structuredContent: { total: 6, words: '3 values' },
  });
  expect((await client.readResource({ uri: 'greeting://HTTP' })).contents).toEqual([
    { uri: 'greeting://HTTP', mimeType: 'text/plain', text: 'Hello, HTTP!' },
  ]);
}

describe('official 1.x client over HTTP', () => {
  it('Streamable HTTP with SSE replies: session, progress, tools, resources', async () => {
    const client = new V1Client({ name: 'v1', version: '1' });
    const transport = new V1Http(new URL(`${running.url}/mcp`));
    await client.connect(transport);
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await exercise(client as never);
    const seen: number[] = [];
    const res = await client.callTool({ name: 'steps', arguments: { count: 3 } }, undefined, {
      onprogress: (p) => seen.push(p.progress),
    });
    expect(res.content).toEqual([{ type: 'text', text: 'did 3 steps' }]);
    expect(seen).toEqual([1, 2, 3]);
    await transport.terminateSession();
    await client.close();
  });

  it('Streamable HTTP with JSON replies', async () => {
    const client = new V1Client({ name: 'v1', version: '1' });
    await client.connect(new V1Http(new URL(`${jsonRunning.url}/mcp`)));
    await exercise(client as never);
    await client.close();
  });

  it('legacy HTTP+SSE (2024-11-05)', async () => {
    const client = new V1Client({ name: 'v1', version: '1' });
    await client.connect(new V1Sse(new URL(`${running.url}/sse`)));
    await exercise(client as never);
    await client.close();
  });
});

describe('official v2 client over HTTP, modern era', () => {
  it('serves 2026-07-28 statelessly', async () => {
    const client = new V2Client(
      { name: 'v2', version: '2' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    await client.connect(new V2Http(new URL(`${running.url}/mcp`)));
    expect(client.getProtocolEra()).toBe('modern');
    await exercise(client as never);
    expect(running.app.mcp.sessions.size).toBe(0);
    await client.close();
  });
});

describe('TypeMCP client over HTTP', () => {
  it('detects the modern era on a TypeMCP server and receives progress over SSE', async () => {
    const client = new Client({ name: 't', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${running.url}/mcp`)));
    expect(client.era).toBe('modern');
    await exercise(client as never);
    const seen: number[] = [];
    await client.callTool(
      { name: 'steps', arguments: { count: 2 } },
      { onprogress: (p) => seen.push(p.progress) },
    );
    expect(seen).toEqual([1, 2]);
    await client.close();
  });

  it('initializes a new session by itself when the server ended the old one (404)', async () => {
    const client = new Client({ name: 't', version: '1' }, { mode: 'legacy' });
    const transport = new StreamableHTTPClientTransport(new URL(`${running.url}/mcp`));
    await client.connect(transport);
    const first = transport.sessionId as string;
    await running.app.mcp.sessions.get(first)?.close();
    expect((await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } })).content).toEqual([
      { type: 'text', text: '2' },
    ]);
    expect(transport.sessionId).toBeDefined();
    expect(transport.sessionId).not.toBe(first);
    await client.close();
  });

  it('speaks the legacy era when forced, with a session that DELETE ends', async () => {
    const client = new Client({ name: 't', version: '1' }, { mode: 'legacy' });
    const transport = new HttpClientTransport(new URL(`${running.url}/mcp`));
    await client.connect(transport);
    expect(client.era).toBe('legacy');
    expect(running.app.mcp.sessions.size).toBe(1);
    await exercise(client as never);
    await client.close();
    expect(running.app.mcp.sessions.size).toBe(0);
  });
});
