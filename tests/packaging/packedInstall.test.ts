/**
 * TypeMCP as a stranger gets it (issue 11): every package packed with `npm pack`, installed with
 * its peers from the registry into bare projects under the OS temp directory, and run there the
 * two supported ways, from CommonJS and ESM, with TypeScript 5 and 7, driven by the official
 * client. The project files are the ones docs/getting-started.md shows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ROOT } from '../support/spawnTs';
import {
  cleanEnv,
  createProject,
  docBlock,
  packAll,
  sh,
  spawnIn,
  tempDir,
  waitForStderr,
} from '../support/packedProject';
import type { Tarball } from '../support/packedProject';

jest.setTimeout(600_000);

const GUIDE = 'docs/getting-started.md';
const PEERS = { 'class-transformer': '^0.5.1', typedi: '^0.10.0', hono: '^4.9.0' };

let packDir: string;
let tarballs: Tarball[];

beforeAll(async () => {
  packDir = tempDir('typemcp-pack-');
  tarballs = await packAll(packDir);
});

afterAll(() => {
  if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
});

/** Drives a server with the official 1.x client and checks what the quickstart offers. */
async function driveOfficial(
  transport: StdioClientTransport | StreamableHTTPClientTransport,
): Promise<void> {
  const client = new Client({ name: 'packaging-test', version: '1.0.0' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['add']));
  const add = tools.find((t) => t.name === 'add');
  expect(add?.inputSchema).toMatchObject({
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
    required: ['a', 'b'],
  });
  expect(await client.callTool({ name: 'add', arguments: { a: 20, b: 22 } })).toMatchObject({
    content: [{ type: 'text', text: '42' }],
  });
  await client.close();
}

it('packs built output only: entry points, types, the ESM entry and a README, no sources', () => {
  expect(tarballs.map((t) => t.name)).toEqual(
    expect.arrayContaining([
      '@typemcp/protocol',
      '@typemcp/server',
      '@typemcp/client',
      '@typemcp/hono',
    ]),
  );
  for (const t of tarballs) {
    const manifest = JSON.parse(
      fs.readFileSync(
        path.join(ROOT, 'packages', t.name.replace('@typemcp/', ''), 'package.json'),
        'utf8',
      ),
    );
    expect({ name: t.name, main: manifest.main, types: manifest.types }).toEqual({
      name: t.name,
      main: 'dist/index.js',
      types: 'dist/index.d.ts',
    });
    expect(manifest.exports['.']).toEqual({
      types: './dist/index.d.ts',
      import: expect.stringMatching(/^\.\/.*\.mjs$/),
      require: './dist/index.js',
    });
    expect(t.files).toContain(manifest.exports['.'].import.slice(2));
    expect(manifest).toMatchObject({
      engines: { node: expect.any(String) },
      repository: expect.any(Object),
      keywords: expect.any(Array),
      license: 'MIT',
    });
    expect(t.files).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']),
    );
    expect(t.files.filter((f) => f.startsWith('src/') || f.endsWith('.tsbuildinfo'))).toEqual([]);
    // Source maps carry their sources, so a stack trace into TypeMCP points at real lines.
    const map = JSON.parse(
      fs.readFileSync(
        path.join(ROOT, 'packages', t.name.replace('@typemcp/', ''), 'dist', 'index.js.map'),
        'utf8',
      ),
    );
    expect(map.sourcesContent?.[0]).toEqual(expect.stringContaining('export'));
  }
});

describe('a CommonJS project with TypeScript 5', () => {
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('typemcp-cjs-');
    await createProject(dir, tarballs, {
      dependencies: {
        ...PEERS,
        'reflect-metadata': '^0.2.2',
        'class-validator': '^0.15.1',
        '@hono/node-server': '^1.19.0',
      },
      devDependencies: { typescript: '~5.9.3', 'ts-node': '^10.9.2', '@types/node': '^20.19.0' },
      files: {
        'tsconfig.json': docBlock(GUIDE, '<!-- file: tsconfig.json -->'),
        'src/server.ts': docBlock(GUIDE, '<!-- file: src/server.ts -->'),
        'src/client.ts': docBlock(GUIDE, '<!-- file: src/client.ts -->'),
        'src/app.ts': docBlock(GUIDE, '<!-- file: src/app.ts -->'),
        'src/api.ts': fs.readFileSync(path.join(__dirname, 'fixtures', 'publicApi.ts'), 'utf8'),
      },
    });
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves every package inside the project, nothing from the repository', async () => {
    const script =
      "for (const p of ['@typemcp/protocol','@typemcp/server','@typemcp/client','@typemcp/hono','reflect-metadata','hono']) require(p); console.log(JSON.stringify(Object.keys(require.cache)))";
    const loaded = JSON.parse(await sh(process.execPath, ['-e', script], dir)) as string[];
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded.filter((f) => !fs.realpathSync(f).startsWith(fs.realpathSync(dir)))).toEqual([]);
  });

  it('runs the quickstart with `npx ts-node src/server.ts`, driven by the official client over stdio', async () => {
    await driveOfficial(
      new StdioClientTransport({
        command: 'npx',
        args: ['ts-node', 'src/server.ts'],
        cwd: dir,
        env: cleanEnv() as Record<string, string>,
        stderr: 'pipe',
      }),
    );
  });

  it('type-checks the public API with tsc 5, compiles, and runs the output with node', async () => {
    await sh('npx', ['tsc'], dir);
    expect(fs.existsSync(path.join(dir, 'dist', 'server.js'))).toBe(true);
    await driveOfficial(
      new StdioClientTransport({
        command: process.execPath,
        args: ['dist/server.js'],
        cwd: dir,
        env: cleanEnv() as Record<string, string>,
        stderr: 'pipe',
      }),
    );
    // The TypeMCP client from the packed package speaks the current revision to it.
    const out = await sh(process.execPath, ['dist/client.js'], dir);
    expect(out).toMatch(/^2026-07-28 \{ result: 5 \}/);
  });

  it("serves the guide's mounted Hono app over HTTP and stops it on SIGTERM", async () => {
    const child = spawnIn(dir, process.execPath, ['dist/app.js']);
    try {
      const [, url] = await waitForStderr(child, /listening on (http:\/\/\S+)/);
      await driveOfficial(new StreamableHTTPClientTransport(new URL(url)));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('an ESM project ("type": "module") with TypeScript 7, @hono/node-server 2, older peers', () => {
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('typemcp-esm-');
    await createProject(dir, tarballs, {
      type: 'module',
      dependencies: {
        ...PEERS,
        'reflect-metadata': '^0.1.14',
        'class-validator': '~0.14.1',
        '@hono/node-server': '^2.0.0',
      },
      devDependencies: { typescript: '^7.0.0', '@types/node': '^20.19.0' },
      files: {
        'tsconfig.json': docBlock(GUIDE, '<!-- file: tsconfig.json -->'),
        'src/server.ts': docBlock(GUIDE, '<!-- file: esm/src/server.ts -->'),
        'client.mjs': fs.readFileSync(path.join(__dirname, 'fixtures', 'client.mjs'), 'utf8'),
      },
    });
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('compiles with tsc 7 and serves stdio to a plain .mjs client importing @typemcp/client', async () => {
    expect(await sh('npx', ['tsc', '--version'], dir)).toMatch(/Version 7\./);
    await sh('npx', ['tsc'], dir);
    const out = JSON.parse(
      await sh(process.execPath, ['client.mjs', 'dist/server.js'], dir),
    ) as Record<string, unknown>;
    expect(out).toEqual({
      era: 'modern',
      protocolVersion: '2026-07-28',
      tools: ['add'],
      sum: { result: 7 },
    });
  });

  it('serves Streamable HTTP through run() --http (lazy @typemcp/hono, @hono/node-server 2.x)', async () => {
    if (!fs.existsSync(path.join(dir, 'dist', 'server.js'))) await sh('npx', ['tsc'], dir);
    const child = spawnIn(dir, process.execPath, ['dist/server.js', '--http', '--port', '0']);
    try {
      const [, url] = await waitForStderr(child, /serving MCP at (http:\/\/\S+\/mcp)/);
      await driveOfficial(new StreamableHTTPClientTransport(new URL(url)));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
