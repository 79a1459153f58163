/**
 * The TypeMCP Client against a real child process over stdio: a TypeMCP low-level server
 * (fixtures/stdioServer.ts) in both eras, plus children that crash or refuse to stop.
 */
import * as path from 'node:path';
import {
  ConnectionClosedError,
  RequestCancelledError,
  RequestTimeoutError,
} from '@typemcp/protocol';
import type { Progress } from '@typemcp/protocol';
import { Client, NotConnectedError, ServerSpawnError, StdioClientTransport } from '@typemcp/client';
import type { StdioServerParameters } from '@typemcp/client';
import { fixtureCommand } from '../../fixtures/tsNode';

jest.setTimeout(30_000);

const SERVER = fixtureCommand('stdioServer.ts');
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

function collect(transport: StdioClientTransport): { text: () => string } {
  let text = '';
  transport.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { text: () => text };
}

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

async function connect(params: Partial<StdioServerParameters> = {}, mode?: 'legacy') {
  const transport = new StdioClientTransport({ ...SERVER, stderr: 'pipe', ...params });
  const stderr = collect(transport);
  const client = new Client({ name: 'stdio-test', version: '1.0.0' }, { mode });
  await client.connect(transport);
  return { client, transport, stderr };
}

const textOf = (result: { content: Array<{ type: string; text?: string }> }) =>
  result.content[0]?.text;

describe.each([
  ['auto', undefined, 'modern', '2026-07-28'],
  ['legacy', 'legacy' as const, 'legacy', '2025-11-25'],
])('Client over stdio (mode %s)', (_label, mode, era, version) => {
  let client: Client;
  let transport: StdioClientTransport;
  let stderr: { text: () => string };

  beforeAll(async () => {
    ({ client, transport, stderr } = await connect({}, mode));
  });
  afterAll(() => client.close());

  it(`speaks the ${era} era and exposes what the server said about itself`, () => {
    expect(client.era).toBe(era);
    expect(client.protocolVersion).toBe(version);
    expect(client.getServerVersion()).toEqual({ name: 'stdio-fixture', version: '1.2.3' });
    expect(client.getInstructions()).toBe('For the client tests');
    expect(client.getServerCapabilities()?.tools).toBeDefined();
    expect(transport.pid).toEqual(expect.any(Number));
  });

  it('lists and calls tools', async () => {
    const tools = await client.listAllTools();
    expect(tools.map((t) => t.name)).toEqual(['add', 'slow', 'crash', 'env', 'cwd', 'log']);
    expect(textOf(await client.callTool({ name: 'add', arguments: { a: 40, b: 2 } }))).toBe('42');
  });

  it('runs concurrent calls without mixing their lines', async () => {
    const sums = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.callTool({ name: 'add', arguments: { a: i, b: 1000 } }),
      ),
    );
    expect(sums.map(textOf)).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1000)));
  });

  it('receives progress for a call', async () => {
    const seen: Progress[] = [];
    const result = await client.callTool(
      { name: 'slow', arguments: { ms: 100, steps: 4 } },
      { onprogress: (p) => seen.push(p) },
    );
    expect(textOf(result)).toBe('slow done');
    expect(seen).toEqual(
      [1, 2, 3, 4].map((i) => ({ progress: i, total: 4, message: `step ${i}` })),
    );
  });

  it('cancels a slow call: the server handler sees its signal aborted', async () => {
    const controller = new AbortController();
    const call = client.callTool(
      { name: 'slow', arguments: { ms: 4000, steps: 20 } },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort('no longer needed'), 300);
    await expect(call).rejects.toBeInstanceOf(RequestCancelledError);
    await waitFor(() => /slow cancelled at step/.test(stderr.text()));
    expect(stderr.text()).toMatch(/slow cancelled at step \d+/);
  });

  it('times a call out locally, and the server is told to stop', async () => {
    const before = (stderr.text().match(/slow cancelled/g) ?? []).length;
    const call = client.callTool(
      { name: 'slow', arguments: { ms: 4000, steps: 20 } },
      { timeoutMs: 300 },
    );
    await expect(call).rejects.toBeInstanceOf(RequestTimeoutError);
    await expect(call).rejects.toThrow(/tools\/call .*timed out after 300 ms/);
    await waitFor(() => (stderr.text().match(/slow cancelled/g) ?? []).length > before);
    expect((stderr.text().match(/slow cancelled/g) ?? []).length).toBe(before + 1);
    expect(textOf(await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } }))).toBe('2');
  });

  it('delivers log messages at the level asked for', async () => {
    const messages: unknown[] = [];
    const stop = client.onNotification('notifications/message', (params) => messages.push(params));
    await client.setLoggingLevel('info');
    await client.callTool({ name: 'log', arguments: { text: 'hello' } });
    await waitFor(() => messages.length > 0, 1000);
    stop();
    expect(messages).toEqual([{ level: 'info', logger: 'fixture', data: 'hello' }]);
  });
});

describe('StdioClientTransport', () => {
  it('fails pending requests with the exit code and the last stderr lines when the server dies', async () => {
    const { client } = await connect();
    const closed = new Promise<void>((resolve) => (client.onclose = resolve));
    const pending = client.callTool({ name: 'slow', arguments: { ms: 10_000 } });
    const crash = client.callTool({ name: 'crash', arguments: {} });
    await expect(pending).rejects.toBeInstanceOf(ConnectionClosedError);
    await expect(crash).rejects.toThrow(
      'Connection closed: the server process exited with code 3; its last stderr lines:\n' +
        'stdio-fixture ready\nabout to crash\nfatal: simulated crash',
    );
    await closed;
    await expect(client.listTools()).rejects.toThrow(/not connected/);
  });

  it('passes only the safe environment plus the variables given, and the working directory', async () => {
    process.env.TYPEMCP_TEST_SECRET = 'do-not-leak';
    const { client } = await connect({ env: { EXTRA_VAR: 'given' }, cwd: FIXTURES });
    try {
      const env = JSON.parse(
        textOf(await client.callTool({ name: 'env', arguments: {} })) ?? '{}',
      ) as Record<string, string>;
      expect(env.EXTRA_VAR).toBe('given');
      expect(env.PATH).toBe(process.env.PATH);
      expect(env.TYPEMCP_TEST_SECRET).toBeUndefined();
      const allowed = ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER', 'EXTRA_VAR'];
      expect(Object.keys(env).filter((k) => !allowed.includes(k))).toEqual([]);
      expect(textOf(await client.callTool({ name: 'cwd', arguments: {} }))).toBe(FIXTURES);
    } finally {
      delete process.env.TYPEMCP_TEST_SECRET;
      await client.close();
    }
  });

  it('close() ends stdin and a well-behaved server exits by itself', async () => {
    const { client, transport } = await connect();
    const started = Date.now();
    await client.close();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(transport.exitCode).toBe(0);
    expect(transport.exitSignal).toBeNull();
  });

  it('close() sends SIGTERM to a server that ignores the end of stdin', async () => {
    const transport = new StdioClientTransport({
      ...fixtureCommand('stubborn.ts', ['ignore-eof']),
      stderr: 'pipe',
      closeGraceMs: 300,
    });
    const stderr = collect(transport);
    await transport.start();
    await waitFor(() => /ready/.test(stderr.text()));
    await transport.close();
    expect(transport.exitSignal).toBe('SIGTERM');
    expect(stderr.text()).toMatch(/stdin ended, staying/);
  });

  it('close() sends SIGKILL to a server that also ignores SIGTERM', async () => {
    const transport = new StdioClientTransport({
      ...fixtureCommand('stubborn.ts', ['ignore-term']),
      stderr: 'pipe',
      closeGraceMs: 300,
    });
    const stderr = collect(transport);
    let closes = 0;
    transport.onclose = () => closes++;
    await transport.start();
    await waitFor(() => /ready/.test(stderr.text()));
    const started = Date.now();
    await transport.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(transport.exitSignal).toBe('SIGKILL');
    expect(stderr.text()).toMatch(/ignoring SIGTERM/);
    expect(closes).toBe(1);
    await expect(
      transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    ).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it('reports a command that does not exist from start(), and so from connect()', async () => {
    const client = new Client({ name: 'c', version: '1' }, { probeTimeoutMs: 30_000 }); // a loaded machine may start ts-node slowly
    const attempt = client.connect(new StdioClientTransport({ command: 'typemcp-no-such-server' }));
    await expect(attempt).rejects.toBeInstanceOf(ServerSpawnError);
    await expect(attempt).rejects.toThrow(
      'Could not start the MCP server: command not found: typemcp-no-such-server (check the command and PATH)',
    );
    await expect(client.listTools()).rejects.toBeInstanceOf(NotConnectedError);
    await client.connect(new StdioClientTransport({ ...SERVER }));
    expect(client.era).toBe('modern');
    await client.close();
  });

  it('names a working directory that does not exist', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, cwd: '/no/such/dir' });
    await expect(transport.start()).rejects.toThrow(
      `Could not start the MCP server ${process.execPath}: its working directory /no/such/dir does not exist`,
    );
  });

  it('reports a line that is not JSON-RPC through onerror and keeps reading', async () => {
    const script =
      'process.stdout.write("not json\\n" + JSON.stringify({jsonrpc:"2.0",method:"notifications/hello"}) + "\\n")';
    const transport = new StdioClientTransport({ command: process.execPath, args: ['-e', script] });
    const errors: Error[] = [];
    const messages: unknown[] = [];
    transport.onerror = (error) => errors.push(error);
    transport.onmessage = (message) => messages.push(message);
    const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
    await transport.start();
    await closed;
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/not a JSON-RPC message .*: not json$/),
    ]);
    expect(messages).toEqual([{ jsonrpc: '2.0', method: 'notifications/hello' }]);
    expect(transport.closeReason).toBe('the server process exited with code 0');
  });
});
