/**
 * The official SDK clients drive a TypeMCP low-level server over stdio: the 1.x client in the
 * legacy era (initialize handshake), the v2 client pinned to the modern era (2026-07-28).
 * SPEC.md 2.4 (methods), 3.1 (stdio), 5.1–5.4 (lifecycle, cancellation, progress).
 */
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as V1StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Client as V2Client } from '@modelcontextprotocol/client';
import { StdioClientTransport as V2StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { tsNodeCommand } from '../support/spawnTs';

jest.setTimeout(60_000);

const FIXTURE = 'tests/fixtures/lowLevelServer.ts';

type CallOptions = {
  signal?: AbortSignal;
  onprogress?: (p: { progress: number; total?: number }) => void;
};
type AnyClient = {
  listTools(): Promise<{ tools: Array<{ name: string }> }>;
  call(
    params: { name: string; arguments?: Record<string, unknown> },
    options?: CallOptions,
  ): Promise<unknown>;
  readResource(params: {
    uri: string;
  }): Promise<{ contents: Array<{ uri: string; text?: string }> }>;
  getPrompt(params: {
    name: string;
    arguments?: Record<string, string>;
  }): Promise<{ messages: unknown[] }>;
  close(): Promise<void>;
};

function collectStderr(transport: {
  stderr: { on(event: 'data', fn: (chunk: Buffer) => void): unknown } | null;
}): () => string {
  let text = '';
  transport.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

async function exerciseCommonFeatures(client: AnyClient, stderr: () => string): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toEqual(['add', 'echo', 'slow', 'fail']);

  expect(await client.call({ name: 'add', arguments: { a: 20, b: 22 } })).toMatchObject({
    content: [{ type: 'text', text: '42' }],
  });

  const resource = await client.readResource({ uri: 'fixture://hello' });
  expect(resource.contents).toEqual([
    { uri: 'fixture://hello', mimeType: 'text/plain', text: 'Hello from the fixture' },
  ]);
  await expect(client.readResource({ uri: 'fixture://missing' })).rejects.toThrow(
    /Resource not found/,
  );

  const prompt = await client.getPrompt({ name: 'greet', arguments: { name: 'Ada' } });
  expect(prompt.messages).toEqual([
    { role: 'user', content: { type: 'text', text: 'Say hello to Ada' } },
  ]);

  const progress: Array<{ progress: number; total?: number }> = [];
  const slow = await client.call(
    { name: 'slow', arguments: { ms: 200 } },
    {
      onprogress: (p: { progress: number; total?: number }) => progress.push(p),
    },
  );
  expect(slow).toMatchObject({ content: [{ type: 'text', text: 'slow done' }] });
  // The server sends 1..10 before its result; a client may drop the last ones when the result
  // lands in the same read (the official 1.x client does), so expect an increasing prefix.
  const values = progress.map((p) => p.progress);
  expect(values.length).toBeGreaterThanOrEqual(5);
  expect(values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].slice(0, values.length));

  const controller = new AbortController();
  const call = client.call(
    { name: 'slow', arguments: { ms: 3000 } },
    { signal: controller.signal },
  );
  setTimeout(() => controller.abort('changed my mind'), 400);
  await expect(call).rejects.toThrow();
  const deadline = Date.now() + 5000;
  while (!/slow cancelled at step/.test(stderr()) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  expect(stderr()).toMatch(/slow cancelled at step [1-4]\b/);
}

describe('official 1.x client → TypeMCP server over stdio (legacy era)', () => {
  it('initializes, pings, lists and calls tools, reads resources, gets prompts, streams progress and cancels', async () => {
    const { command, args } = tsNodeCommand(FIXTURE);
    const transport = new V1StdioClientTransport({ command, args, stderr: 'pipe' });
    const stderr = collectStderr(transport);
    const client = new V1Client({ name: 'official-v1', version: '1.0.0' });
    await client.connect(transport);
    expect(client.getServerVersion()).toEqual({ name: 'lowlevel-fixture', version: '0.0.1' });
    expect(client.getInstructions()).toBe('Fixture server');
    expect(client.getServerCapabilities()).toMatchObject({
      tools: {},
      resources: {},
      prompts: {},
      logging: {},
    });
    await expect(client.ping()).resolves.toEqual({});
    const any = client as unknown as AnyClient;
    any.call = (params, options) => client.callTool(params, undefined, options);
    await exerciseCommonFeatures(any, stderr);
    await client.close();
  });
});

describe('official v2 client → TypeMCP server over stdio (modern era, 2026-07-28)', () => {
  it('negotiates 2026-07-28 without initialize and serves every request statelessly', async () => {
    const { command, args } = tsNodeCommand(FIXTURE);
    const transport = new V2StdioClientTransport({ command, args, stderr: 'pipe' });
    const stderr = collectStderr(transport as unknown as Parameters<typeof collectStderr>[0]);
    const client = new V2Client(
      { name: 'official-v2', version: '2.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    await client.connect(transport);
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    expect(client.getProtocolEra()).toBe('modern');
    expect(client.getServerVersion()).toMatchObject({ name: 'lowlevel-fixture', version: '0.0.1' });
    const any = client as unknown as AnyClient;
    any.call = (params, options) => client.callTool(params, options);
    await exerciseCommonFeatures(any, stderr);
    await client.close();
  });

  it('in auto mode detects the modern era by probing server/discover', async () => {
    const { command, args } = tsNodeCommand(FIXTURE);
    const client = new V2Client(
      { name: 'official-v2', version: '2.0.0' },
      { versionNegotiation: { mode: 'auto' } },
    );
    await client.connect(new V2StdioClientTransport({ command, args, stderr: 'ignore' }));
    expect(client.getProtocolEra()).toBe('modern');
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(4);
    await client.close();
  });
});
