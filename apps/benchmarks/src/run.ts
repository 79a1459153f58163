/**
 * Runs every server through the same scenarios, interleaved, and prints one table with each
 * server's ratio to the official 1.x SDK and to the no-SDK responder. `--smoke` is a short run
 * for CI (it never fails on speed); `--write` records the table in docs/benchmarks.md.
 */
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { driveStdio } from './stdioDriver';
import type { Measurement } from './stdioDriver';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TS_NODE = require.resolve('ts-node/register/transpile-only');
const SERVERS: Record<string, string[]> = {
  typemcp: ['-r', TS_NODE, path.join(__dirname, 'servers', 'typemcp.ts')],
  'official-v1': [path.join(__dirname, 'servers', 'officialV1.cjs')],
  raw: [path.join(__dirname, 'servers', 'raw.cjs')],
};

interface Scenario {
  name: string;
  tool: string;
  args: Record<string, unknown>;
  inflight: number;
  calls: number;
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const scale = smoke ? 0.02 : 1;
  const scenarios: Scenario[] = [
    { name: 'stdio add, 1 in flight', tool: 'add', args: { a: 1, b: 2 }, inflight: 1, calls: 20_000 },
    { name: 'stdio add, 32 in flight', tool: 'add', args: { a: 1, b: 2 }, inflight: 32, calls: 50_000 },
    { name: 'stdio echo 1 KB, 32 in flight', tool: 'echo', args: { text: 'x'.repeat(1024) }, inflight: 32, calls: 30_000 },
    { name: 'stdio echo 1 MB, 4 in flight', tool: 'echo', args: { text: 'x'.repeat(1024 * 1024) }, inflight: 4, calls: 200 },
  ];
  const rows: string[] = [];
  for (const scenario of scenarios) {
    const results: Record<string, Measurement> = {};
    for (const [server, args] of Object.entries(SERVERS)) {
      results[server] = await driveStdio(process.execPath, args, {
        calls: Math.max(20, Math.round(scenario.calls * scale)),
        inflight: scenario.inflight,
        tool: scenario.tool,
        args: scenario.args,
        warmup: smoke ? 20 : 500,
      });
    }
    for (const [server, m] of Object.entries(results)) {
      const vsOfficial = m.callsPerSecond / results['official-v1'].callsPerSecond;
      const vsRaw = m.callsPerSecond / results.raw.callsPerSecond;
      rows.push(
        `| ${scenario.name} | ${server} | ${m.callsPerSecond.toFixed(0)} | ${m.p50Ms.toFixed(3)} | ${m.p99Ms.toFixed(3)} | ${m.peakRssMb.toFixed(0)} | ${vsOfficial.toFixed(2)}× | ${(vsRaw * 100).toFixed(0)}% |`,
      );
    }
  }
  const table = [
    '| scenario | server | calls/s | p50 ms | p99 ms | peak RSS MB | vs official 1.x | of no-SDK limit |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`${machine}\n\n${table}`);
  if (process.argv.includes('--write')) {
    const doc = `# Benchmarks\n\nMeasured with \`npm run bench --workspace @typemcp/benchmarks -- --write\` on ${machine}, ${new Date().toISOString().slice(0, 10)}.\nThe driver speaks raw JSON-RPC over stdio (no SDK inside it) and shares the 2 cores with the server.\n\n${table}\n`;
    writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), doc);
  }
  void ROOT;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
