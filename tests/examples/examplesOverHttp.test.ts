/**
 * Every example runs over HTTP with `--http --port N` (run() loads @typemcp/hono lazily): the
 * quickstart as a real child process, reached by the official client over Streamable HTTP.
 */
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { tsNodeCommand } from '../support/spawnTs';

jest.setTimeout(60_000);

it('quickstart with --http serves Streamable HTTP at /mcp and shuts down on SIGTERM', async () => {
  const { command, args } = tsNodeCommand('apps/quickstart/src/server.ts', [
    '--http',
    '--port',
    '0',
  ]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL announced: ${stderr}`)), 20_000);
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      const m = /serving MCP at (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const client = new Client({ name: 'http-example-test', version: '1.0.0' });
  expect(url).toMatch(/\/mcp$/); // the full endpoint, not the bare origin
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  expect(await client.callTool({ name: 'add', arguments: { a: 20, b: 22 } })).toMatchObject({
    content: [{ type: 'text', text: '42' }],
  });
  await client.close();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});
