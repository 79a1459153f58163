/**
 * `typemcp dev` as a child process: the MCP Inspector 2.x (installed by tests/conformance, with
 * the node@22 npm package it needs) serves its UI at the printed URL, the server answers at the
 * printed server URL, an edit restarts it with the new code, and SIGTERM stops everything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { freePort } from '../src/dev/freePort';
import {
  QUICKSTART,
  ROOT,
  startTypemcp,
  tempProject,
  typemcp,
  waitForOutput,
} from './support/typemcp';

jest.setTimeout(180_000);

const INSPECTOR = path.join(
  ROOT,
  'tests',
  'conformance',
  'node_modules',
  '@modelcontextprotocol',
  'inspector',
);

async function toolNames(url: string): Promise<string[]> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const { tools } = await client.listTools();
  await client.close();
  return tools.map((t) => t.name);
}

describe('typemcp dev', () => {
  it('starts the Inspector at the printed URL, serves the server, restarts it on an edit', async () => {
    const cwd = tempProject({ 'server.ts': QUICKSTART });
    const inspectorPort = await freePort();
    const child = startTypemcp(
      [
        'dev',
        'server.ts',
        '--inspector',
        INSPECTOR,
        '--inspector-port',
        String(inspectorPort),
        '--json',
      ],
      { cwd },
    );
    const stderr: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    try {
      const [json] = await waitForOutput(child.stdout, /\{[\s\S]*"inspectorVersion": "[^"]+"\s*\}/);
      const ready = JSON.parse(json) as { inspectorUrl: string; serverUrl: string; node: string };
      expect(ready.inspectorUrl).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:${inspectorPort}\\?MCP_INSPECTOR_API_TOKEN=[0-9a-f]+$`),
      );
      expect(ready.node).toBe(
        path.join(ROOT, 'tests', 'conformance', 'node_modules', 'node', 'bin', 'node'),
      );
      const page = await fetch(ready.inspectorUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      expect(await toolNames(ready.serverUrl)).toEqual(['add']);
      expect(stderr.join('')).toContain(
        'check 2 decorated methods checked, no schema loses anything',
      );

      const restarted = waitForOutput(child.stderr, /server restarted/);
      fs.writeFileSync(
        path.join(cwd, 'server.ts'),
        QUICKSTART.replace(
          "@Tool({ description: 'Add two numbers' })",
          "@Tool() twice(n: number): number { return 2 * n; }\n\n  @Tool({ description: 'Add two numbers' })",
        ),
      );
      await restarted;
      expect((await toolNames(ready.serverUrl)).sort()).toEqual(['add', 'twice']);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    await expect(fetch(`http://127.0.0.1:${inspectorPort}/`)).rejects.toThrow();
  });

  it('says what it needs when the Inspector or Node 22 is missing', async () => {
    const cwd = tempProject({
      'server.ts': QUICKSTART,
      'fake/package.json': JSON.stringify({
        name: '@modelcontextprotocol/inspector',
        version: '2.12.0',
        bin: { 'mcp-inspector': 'x.js' },
      }),
    });
    const missing = await typemcp(['dev', 'server.ts', '--inspector', path.join(cwd, 'nowhere')], {
      cwd,
    });
    expect(missing).toMatchObject({
      code: 1,
      stderr:
        'typemcp error the MCP Inspector is not installed: npm i -D @modelcontextprotocol/inspector node@22 (the Inspector needs Node >= 22), or pass --inspector <its folder>\n',
    });
    if (Number(process.versions.node.split('.')[0]) < 22) {
      const old = await typemcp(['dev', 'server.ts', '--inspector', path.join(cwd, 'fake')], {
        cwd,
      });
      expect(old).toMatchObject({
        code: 1,
        stderr: `typemcp error the MCP Inspector needs Node >= 22 and this is Node ${process.version}: npm i -D node@22 (the npm package that ships a Node binary), or pass --node <path to node 22>\n`,
      });
    }
  });
});
