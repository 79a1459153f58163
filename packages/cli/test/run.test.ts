/**
 * `typemcp run` as a child process in a temporary project: stdio and HTTP served to the official
 * SDK 1.x client, a .js file, export selection and its errors, a project on TypeScript 7.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  QUICKSTART,
  startTypemcp,
  tempProject,
  typemcp,
  typemcpCommand,
  waitForOutput,
} from './support/typemcp';

jest.setTimeout(120_000);

const TWO = `import 'reflect-metadata';
import { McpServer, Tool } from '@typemcp/server';
@McpServer({ name: 'One' }) export class One { @Tool() who(): string { return 'one'; } }
@McpServer({ name: 'Two' }) export class Two { @Tool() who(): string { return 'two'; } }
export const notAServer = 42;
`;

const PLAIN_JS = `const { createServer } = require('@typemcp/server');
const app = createServer({ name: 'Plain', version: '1.0.0', providers: [] });
app.addTool({ name: 'shout', inputSchema: { type: 'object', properties: { text: { type: 'string' } } }, handler: ({ text }) => String(text).toUpperCase() });
module.exports = { app };
`;

async function callOverStdio(
  cwd: string,
  args: string[],
  tool: string,
  toolArgs: Record<string, unknown>,
): Promise<unknown> {
  const { command, args: full } = typemcpCommand(['run', ...args]);
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command, args: full, cwd, stderr: 'pipe' }));
  try {
    return await client.callTool({ name: tool, arguments: toolArgs });
  } finally {
    await client.close();
  }
}

describe('typemcp run', () => {
  it('serves a .ts server over stdio to the official client', async () => {
    const cwd = tempProject({ 'server.ts': QUICKSTART });
    expect(await callOverStdio(cwd, ['server.ts'], 'add', { a: 2, b: 3 })).toEqual({
      content: [{ type: 'text', text: '5' }],
      structuredContent: { result: 5 },
    });
  });

  it('serves Streamable HTTP with --http --port 0 and says where', async () => {
    const cwd = tempProject({ 'server.ts': QUICKSTART });
    const child = startTypemcp(['run', 'server.ts', '--http', '--port', '0'], { cwd });
    try {
      const [, url] = await waitForOutput(child.stderr, /serving MCP at (http:\/\/\S+)/);
      const client = new Client({ name: 'test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url))); // run prints the full endpoint URL
      expect(await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } })).toMatchObject({
        structuredContent: { result: 3 },
      });
      await client.close();
    } finally {
      child.kill();
    }
  });

  it('serves a CommonJS .js file exporting a createServer() result', async () => {
    const cwd = tempProject({ 'server.js': PLAIN_JS });
    expect(await callOverStdio(cwd, ['server.js'], 'shout', { text: 'hi' })).toMatchObject({
      content: [{ type: 'text', text: 'HI' }],
    });
  });

  it('serves the named export, and refuses to guess between two', async () => {
    const cwd = tempProject({ 'two.ts': TWO });
    expect(await callOverStdio(cwd, ['two.ts:Two'], 'who', {})).toMatchObject({
      content: [{ type: 'text', text: 'two' }],
    });
    const both = await typemcp(['run', 'two.ts'], { cwd });
    expect(both.code).toBe(2);
    expect(both.stderr.trim()).toBe(
      `typemcp error ${cwd}/two.ts exports 2 servers (One, Two): pick one with ${cwd}/two.ts:One`,
    );
    const wrong = await typemcp(['run', 'two.ts:notAServer'], { cwd });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'notAServer is neither an @McpServer class nor a createServer() result: decorate it with @McpServer()',
    );
    const missing = await typemcp(['run', 'two.ts:Three'], { cwd });
    expect(missing.stderr.trim()).toBe(
      `typemcp error ${cwd}/two.ts has no export named Three: servers exported are One, Two`,
    );
  });

  it('fails on one line with exit code 1 when there is nothing to serve', async () => {
    const cwd = tempProject({
      'empty.ts': 'export const x = 1;\n',
      'broken.ts': "import 'not-installed-anywhere';\n",
      'syntax.ts': 'export function f( {\n',
    });
    const none = await typemcp(['run', 'empty.ts'], { cwd });
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr.trim().split('\n')).toEqual([
      `typemcp error ${cwd}/empty.ts exports no @McpServer class or createServer() result: export one (export class Demo ...)`,
    ]);
    const syntax = await typemcp(['run', 'syntax.ts'], { cwd });
    expect(syntax).toMatchObject({
      code: 1,
      stderr: `typemcp error ${cwd}/syntax.ts does not compile (syntax.ts(2,1): error TS1005: '}' expected.): fix the source\n`,
    });
    const broken = await typemcp(['run', 'broken.ts'], { cwd });
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim()).toBe(
      `typemcp error ${cwd}/broken.ts needs not-installed-anywhere, which is not installed: npm install not-installed-anywhere`,
    );
  });

  it('runs a .ts server in a project whose own TypeScript is 7 (the CLI brings TypeScript 5)', async () => {
    const ts7 = {
      'package.json': '{ "name": "typescript", "version": "7.0.0", "main": "index.js" }',
      'index.js': "throw new Error('typescript@7 has no JavaScript API');\n",
    };
    const cwd = tempProject(
      {
        'server.ts': QUICKSTART,
        'tsconfig.json':
          '{ "compilerOptions": { "erasableSyntaxOnly": true, "someTs7Option": true } }',
      },
      { typescript: ts7 },
    );
    expect(await callOverStdio(cwd, ['server.ts'], 'add', { a: 20, b: 22 })).toMatchObject({
      structuredContent: { result: 42 },
    });
  });

  it('answers --help with 0 and bad usage with 2', async () => {
    const cwd = tempProject();
    const help = await typemcp(['run', '--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: typemcp run [options] <file>');
    expect(await typemcp(['run'], { cwd })).toMatchObject({
      code: 2,
      stderr: "typemcp error missing required argument 'file' (see typemcp --help)\n",
    });
    expect(await typemcp(['run', 'server.ts', '--port', '99999'], { cwd })).toMatchObject({
      code: 2,
      stderr: 'typemcp error --port 99999: give a number from 0 to 65535\n',
    });
  });
});
