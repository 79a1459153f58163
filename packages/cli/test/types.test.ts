/**
 * `typemcp types` as a child process: the module it writes type-checks, a wrong call fails `tsc`,
 * and the typed client drives the live server.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startTypemcp, tempProject, typemcp, typemcpBin, waitForOutput } from './support/typemcp';

jest.setTimeout(180_000);

const WEATHER = fs.readFileSync(path.join(__dirname, 'fixtures', 'weather.ts'), 'utf8');

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'commonjs',
    moduleResolution: 'node',
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
  files: ['usage.ts'],
});

const USAGE = `import { Client } from '@typemcp/client';
import { typed, ToolCallError } from './api';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

export async function usage(client: Client): Promise<void> {
  const api = typed(client);
  const sum: Equals<Awaited<ReturnType<typeof api.tools.add>>, number> = true;
  const forecast = await api.tools.forecast({ city: 'Oslo', unit: 'c' });
  const shape: Equals<typeof forecast, { city: string; high: number; notes: string[] }> = true;
  const tagged = await api.tools['tag-all']({ tags: ['a'] });
  const content: Equals<typeof tagged.content, Awaited<ReturnType<Client['callTool']>>['content']> = true;
  await api.read('weather://today');
  await api.read('weather://city/Oslo');
  await api.prompts.plan({ destination: 'Oslo' });
  // @ts-expect-error a must be a number
  await api.tools.add({ a: '1', b: 2 });
  // @ts-expect-error b is required
  await api.tools.add({ a: 1 });
  // @ts-expect-error the result is a number, not a string
  const text: string = await api.tools.add({ a: 1, b: 2 });
  // @ts-expect-error unit is 'c' or 'f'
  await api.tools.forecast({ city: 'Oslo', unit: 'k' });
  // @ts-expect-error no such tool
  await api.tools.subtract({ a: 1, b: 2 });
  // @ts-expect-error no such resource
  await api.read('weather://tomorrow');
  // @ts-expect-error destination is required
  await api.prompts.plan({ month: 'May' });
  void [sum, shape, content, text, ToolCallError];
}
`;

const LIVE = `import { Client, StdioClientTransport } from '@typemcp/client';
import { typed } from './api';

async function main(): Promise<void> {
  const client = new Client({ name: 'live', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [process.argv[2] as string, 'run', 'weather.ts'] }));
  const api = typed(client);
  const answers = {
    add: await api.tools.add({ a: 2, b: 40 }),
    forecast: await api.tools.forecast({ city: 'Oslo', unit: 'f', days: 3 }),
    tagged: (await api.tools['tag-all']({ tags: ['x', 'y'] })).content,
    today: (await api.read('weather://today')).contents,
    plan: (await api.prompts.plan({ destination: 'Oslo' })).messages,
  };
  let failure = '';
  try {
    await api.tools.add({ a: 'oops' } as never);
  } catch (error) {
    failure = (error as Error).name;
  }
  process.stdout.write(JSON.stringify({ ...answers, failure }));
  await client.close();
}

void main();
`;

function exec(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: 150_000 }, (error, stdout, stderr) => {
      resolve({
        code: error ? Number((error as { code?: unknown }).code ?? 1) : 0,
        output: `${stdout}${stderr}`,
      });
    });
  });
}

const tsc = (cwd: string) =>
  exec(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], cwd);

describe('typemcp types', () => {
  const cwd = tempProject({
    'weather.ts': WEATHER,
    'tsconfig.json': TSCONFIG,
    'usage.ts': USAGE,
    'live.ts': LIVE,
  });

  beforeAll(async () => {
    const generated = await typemcp(['types', 'weather.ts', '-o', 'api.ts'], { cwd });
    expect(generated).toMatchObject({ code: 0, stdout: '' });
    expect(generated.stderr).toContain(`wrote ${path.join(cwd, 'api.ts')}`);
  });

  it('writes a module whose types follow the schemas (tsc passes, every @ts-expect-error is needed)', async () => {
    expect(await tsc(cwd)).toEqual({ code: 0, output: '' });
  });

  it('makes a wrong call a compile error', async () => {
    const dir = tempProject({
      'tsconfig.json': TSCONFIG,
      'usage.ts':
        "import { typed } from './api';\nexport const wrong = (c: Parameters<typeof typed>[0]) => typed(c).tools.add({ a: 1, b: 'two' });\n",
    });
    fs.copyFileSync(path.join(cwd, 'api.ts'), path.join(dir, 'api.ts'));
    const failed = await tsc(dir);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain(
      "usage.ts(2,85): error TS2322: Type 'string' is not assignable to type 'number'.",
    );
  });

  it('drives the live server through the typed client', async () => {
    const run = await exec(
      process.execPath,
      ['-r', require.resolve('ts-node/register/transpile-only'), 'live.ts', typemcpBin()],
      cwd,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.output)).toEqual({
      add: 42,
      forecast: { city: 'Oslo', high: 70, notes: ['3 day(s)'] },
      tagged: [{ type: 'text', text: 'x,y' }],
      today: [{ uri: 'weather://today', text: 'sunny', mimeType: 'text/plain' }],
      plan: [{ role: 'user', content: { type: 'text', text: 'Plan a trip to Oslo in May' } }],
      failure: 'ToolCallError',
    });
  });

  it('generates the same types from a URL', async () => {
    const child = startTypemcp(['run', 'weather.ts', '--port', '0'], { cwd });
    try {
      const [, url] = await waitForOutput(child.stderr, /serving MCP at (http:\/\/[^/\s]+)\/mcp/);
      const fromUrl = await typemcp(['types', `${url}/mcp`], { cwd });
      const fromFile = fs.readFileSync(path.join(cwd, 'api.ts'), 'utf8');
      const body = (text: string) => text.split('\n').slice(1).join('\n');
      expect(body(fromUrl.stdout)).toBe(body(fromFile));
    } finally {
      child.kill();
    }
  });
});
