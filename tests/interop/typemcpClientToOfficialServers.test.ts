/**
 * The TypeMCP client drives servers written with the official SDKs over stdio, detecting the
 * era by itself: the 1.x server is legacy (initialize), the v2 server is modern (2026-07-28).
 * SPEC.md 3.1 (stdio backward compatibility), 5.2 (era detection), 5.3, 5.4.
 */
import { Client, StdioClientTransport } from '@typemcp/client';
import * as path from 'node:path';

jest.setTimeout(60_000);

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'officialServer.cjs');

describe.each([
  ['1.x', 'v1', 'legacy', '2025-11-25'],
  ['v2', 'v2', 'modern', '2026-07-28'],
])('TypeMCP client → official %s server over stdio', (_label, which, era, version) => {
  let client: Client;
  let transport: StdioClientTransport;
  let stderr = '';

  beforeAll(async () => {
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [FIXTURE, which],
      stderr: 'pipe',
    });
    client = new Client({ name: 'typemcp-test', version: '0.1.0' });
    await client.connect(transport);
    transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  });
  afterAll(() => client.close());

  it(`detects the ${era} era and protocol ${version}`, () => {
    expect(client.era).toBe(era);
    expect(client.protocolVersion).toBe(version);
    expect(client.getServerVersion()?.name).toBe(`official-${which}`);
    expect(client.getServerCapabilities()?.tools).toBeDefined();
  });

  it('lists and calls tools, reads resources, gets prompts and pings', async () => {
    const tools = await client.listAllTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['add', 'slow']);
    expect(tools.find((t) => t.name === 'add')?.inputSchema).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number' } },
    });
    const sum = await client.callTool({ name: 'add', arguments: { a: 40, b: 2 } });
    expect(sum.content).toEqual([{ type: 'text', text: '42' }]);
    const read = await client.readResource({ uri: 'official://hello' });
    expect(read.contents).toEqual([
      { uri: 'official://hello', mimeType: 'text/plain', text: `hello from ${which}` },
    ]);
    const prompt = await client.getPrompt({ name: 'greet', arguments: { who: 'Grace' } });
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Greet Grace' } },
    ]);
    await expect(client.ping()).resolves.toEqual({});
  });

  it('receives progress for a call', async () => {
    const seen: number[] = [];
    const result = await client.callTool(
      { name: 'slow', arguments: { ms: 100 } },
      { onprogress: (p) => seen.push(p.progress) },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'slow done' }]);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([1, 2, 3, 4, 5].slice(0, seen.length));
  });

  it('cancels a call: the official server sees the cancellation', async () => {
    const controller = new AbortController();
    const call = client.callTool(
      { name: 'slow', arguments: { ms: 3000 } },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort('no longer needed'), 300);
    await expect(call).rejects.toThrow(/cancelled/);
    const deadline = Date.now() + 5000;
    while (!/slow cancelled at step/.test(stderr) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toMatch(/slow cancelled at step [1-4]\b/);
  });

  it('gets a JSON-RPC error for an unknown tool or an invalid argument, as an error or isError result', async () => {
    const unknown = await client.callTool({ name: 'nope', arguments: {} }).then(
      (r): { isError?: boolean; code?: number } => ({ isError: r.isError }),
      (e: { code?: number }): { isError?: boolean; code?: number } => ({ code: e.code }),
    );
    expect(unknown.isError === true || unknown.code === -32602).toBe(true);
    const invalid = await client.callTool({ name: 'add', arguments: { a: 'x', b: 1 } }).then(
      (r): { isError?: boolean; code?: number } => ({ isError: r.isError }),
      (e: { code?: number }): { isError?: boolean; code?: number } => ({ code: e.code }),
    );
    expect(invalid.isError === true || invalid.code === -32602).toBe(true);
  });
});
