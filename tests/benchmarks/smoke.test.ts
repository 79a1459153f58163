/**
 * A short run of the benchmark (apps/benchmarks --smoke): every server answers every scenario
 * completely — each row of each scenario is printed with calls/s above zero. It never judges
 * speed; the full run is `npm run bench --workspace @typemcp/benchmarks`.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { LIMIT_GROUPS } from '../../apps/benchmarks/src/limit/limitRows';
import { SCENARIOS } from '../../apps/benchmarks/src/scenarios';

jest.setTimeout(180_000);

/** Runs a script of apps/benchmarks/src with `--smoke` and resolves with its output. */
function smokeRun(...script: string[]): Promise<string> {
  const file = path.resolve(__dirname, '..', '..', 'apps', 'benchmarks', 'src', ...script);
  return new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', require.resolve('ts-node/register/transpile-only'), file, '--smoke'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`benchmark exited ${code}:\n${out}`)),
    );
  });
}

it('runs every scenario against TypeMCP, the official SDKs and the no-SDK responder', async () => {
  const output = await smokeRun('run.ts');
  const rows = output
    .split('\n')
    .filter(
      (line) =>
        line.startsWith('| ') && !line.startsWith('| scenario') && !line.startsWith('| ---'),
    )
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const expected = SCENARIOS.flatMap((s) => s.servers.map((server) => `${s.name} / ${server}`));
  expect(rows.map((cells) => `${cells[1]} / ${cells[2]}`)).toEqual(expected);
  for (const cells of rows) expect(Number(cells[3])).toBeGreaterThan(0);
  for (const cells of rows.filter((c) => c[1].includes('initialize')))
    expect(cells[8]).toMatch(/^-?\d+\.\d \/ -?\d+\.\d$/); // kB/session measured
});

it('runs the no-SDK limit rows with the undici driver: every row measured, each TypeMCP row a share of its limit', async () => {
  const output = await smokeRun('limit', 'main.ts');
  const rows = output
    .split('\n')
    .filter(
      (line) => line.startsWith('| ') && !line.startsWith('| row') && !line.startsWith('| ---'),
    )
    .map((line) => line.split('|').map((cell) => cell.trim()));
  expect(rows.map((cells) => cells[1])).toEqual(LIMIT_GROUPS.flat().map((row) => row.name));
  for (const cells of rows) expect(Number(cells[2])).toBeGreaterThan(0);
  for (const cells of rows.filter((c) => c[1].startsWith('TypeMCP')))
    expect(cells[4]).toMatch(/^\d+% \(\d+%–\d+%\)$/);
});
