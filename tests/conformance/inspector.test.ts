/**
 * The MCP Inspector CLI (@modelcontextprotocol/inspector 2.x, Node 22) lists and calls a TypeMCP
 * server over stdio (a child process run with ts-node) and over Streamable HTTP, in the legacy era
 * (its default) and in the 2026-07-28 era (`--protocol-era modern`), and its `--load` mode drives
 * concurrent calls without one error.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { serve } from '@typemcp/hono';
import { createServer } from '@typemcp/server';
import { Demo } from '../../apps/quickstart/src/server';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');
const NODE22 = path.join(__dirname, 'node_modules', '.bin', 'node');
const STDIO_SERVER = [
  process.execPath,
  '-r',
  require.resolve('ts-node/register/transpile-only'),
  'apps/quickstart/src/server.ts',
];

function inspect(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      NODE22,
      [path.join(__dirname, 'node_modules', '.bin', 'mcp-inspector'), '--cli', ...args],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stdout}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

describe('MCP Inspector CLI', () => {
  it('lists and calls tools and reads a resource over stdio', async () => {
    expect(await inspect([...STDIO_SERVER, '--method', 'tools/list'])).toMatchObject({
      tools: [{ name: 'add', description: 'Add two numbers' }],
    });
    expect(
      await inspect([
        ...STDIO_SERVER,
        '--method',
        'tools/call',
        '--tool-name',
        'add',
        '--tool-arg',
        'a=2',
        '--tool-arg',
        'b=3',
      ]),
    ).toEqual({
      content: [{ type: 'text', text: '5' }],
      structuredContent: { result: 5 },
    });
    expect(
      await inspect([
        ...STDIO_SERVER,
        '--method',
        'resources/read',
        '--uri',
        'greeting://Inspector',
      ]),
    ).toMatchObject({
      contents: [{ uri: 'greeting://Inspector', text: 'Hello, Inspector!' }],
    });
  });

  it('lists and calls tools over Streamable HTTP', async () => {
    const running = await serve(createServer({ providers: [Demo] }), {
      port: 0,
      handleSignals: false,
    });
    try {
      expect(
        await inspect([`${running.url}/mcp`, '--transport', 'http', '--method', 'tools/list']),
      ).toMatchObject({ tools: [{ name: 'add' }] });
      expect(
        await inspect([
          `${running.url}/mcp`,
          '--transport',
          'http',
          '--method',
          'tools/call',
          '--tool-name',
          'add',
          '--tool-arg',
          'a=1',
          '--tool-arg',
          'b=2',
        ]),
      ).toMatchObject({
        content: [{ type: 'text', text: '3' }],
      });
    } finally {
      await running.close();
    }
  });

  it('speaks the 2026-07-28 era over stdio and Streamable HTTP', async () => {
    const modern = ['--protocol-era', 'modern', '--format', 'json', '-q'];
    const call = [
      '--method',
      'tools/call',
      '--tool-name',
      'add',
      '--tool-arg',
      'a=4',
      '--tool-arg',
      'b=5',
    ];
    expect(await inspect([...STDIO_SERVER, ...modern, ...call])).toMatchObject({
      result: {
        content: [{ type: 'text', text: '9' }],
        structuredContent: { result: 9 },
        _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'Demo' } },
      },
    });
    const running = await serve(createServer({ providers: [Demo] }), {
      port: 0,
      handleSignals: false,
    });
    try {
      expect(
        await inspect([
          `${running.url}/mcp`,
          '--transport',
          'http',
          ...modern,
          '--method',
          'tools/list',
        ]),
      ).toMatchObject({ result: { tools: [{ name: 'add' }] } });
      expect(
        await inspect([`${running.url}/mcp`, '--transport', 'http', ...modern, ...call]),
      ).toMatchObject({ result: { content: [{ type: 'text', text: '9' }] } });
    } finally {
      await running.close();
    }
  });

  it('its load mode gets every one of 1,000 concurrent calls answered, in both eras over HTTP', async () => {
    const running = await serve(createServer({ providers: [Demo] }), {
      port: 0,
      handleSignals: false,
    });
    try {
      for (const era of ['legacy', 'modern']) {
        const summary = await inspect([
          `${running.url}/mcp`,
          '--transport',
          'http',
          '--protocol-era',
          era,
          '-q',
          '--method',
          'tools/call',
          '--tool-name',
          'add',
          '--tool-arg',
          'a=1',
          '--tool-arg',
          'b=2',
          '--load',
          '--load-requests',
          '1000',
          '--load-concurrency',
          '32',
        ]);
        expect(summary).toMatchObject({ requests: 1000, ok: 1000, toolErrors: 0, errors: 0 });
      }
    } finally {
      await running.close();
    }
  });
});
