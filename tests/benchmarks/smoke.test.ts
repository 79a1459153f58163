/**
 * A short run of the benchmark (apps/benchmarks --smoke): every server answers every scenario
 * completely — each row of each scenario is printed with calls/s above zero. It never judges
 * speed; the full run is `npm run bench --workspace @typemcp/benchmarks`.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { SCENARIOS } from '../../apps/benchmarks/src/scenarios';

jest.setTimeout(180_000);

it('runs every scenario against TypeMCP, the official SDKs and the no-SDK responder', async () => {
  const script = path.resolve(__dirname, '..', '..', 'apps', 'benchmarks', 'src', 'run.ts');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), script, '--smoke'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`benchmark exited ${code}:\n${out}`))));
  });
  const rows = output
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| scenario') && !line.startsWith('| ---'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const expected = SCENARIOS.flatMap((s) => s.servers.map((server) => `${s.name} / ${server}`));
  expect(rows.map((cells) => `${cells[1]} / ${cells[2]}`)).toEqual(expected);
  for (const cells of rows) expect(Number(cells[3])).toBeGreaterThan(0);
  for (const cells of rows.filter((c) => c[1].includes('initialize'))) expect(cells[8]).toMatch(/^-?\d+\.\d \/ -?\d+\.\d$/); // kB/session measured
});
