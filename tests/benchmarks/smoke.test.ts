/**
 * A short run of the benchmark (apps/benchmarks --smoke): every server answers every scenario
 * completely. It never judges speed; the full run is `npm run bench --workspace @typemcp/benchmarks`.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

jest.setTimeout(180_000);

it('runs every scenario against TypeMCP, the official 1.x SDK and the no-SDK responder', async () => {
  const script = path.resolve(__dirname, '..', '..', 'apps', 'benchmarks', 'src', 'run.ts');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), script, '--smoke'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`benchmark exited ${code}:\n${out}`))));
  });
  const rows = output.split('\n').filter((l) => l.startsWith('| stdio'));
  expect(rows).toHaveLength(12);
  for (const server of ['typemcp', 'official-v1', 'raw']) expect(rows.filter((r) => r.includes(`| ${server} |`))).toHaveLength(4);
  for (const row of rows) expect(Number(row.split('|')[3])).toBeGreaterThan(0);
});
