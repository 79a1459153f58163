/**
 * The no-SDK limit run (issue 16): TypeMCP's default stateful HTTP (SSE replies, event store),
 * its stateless 2026-07-28 path and stdio, each as a share of a no-SDK responder measured beside
 * it, with a raw JSON-RPC driver on an undici keep-alive pool.
 *
 *   --write      records the table and chart in docs/benchmarks.md and docs/benchmarks-limit.svg
 *   --rounds N   interleaved rounds (default 5); figures are medians over them
 *   --only TEXT  only the groups with a row whose name contains TEXT
 *   --smoke      a short run for CI (never judges speed)
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { SIZES } from '../scenarios';
import { limitChart } from './limitChart';
import { limitSection, limitTable, writeLimitSection } from './limitDoc';
import { LIMIT_GROUPS } from './limitRows';
import { runLimit } from './limitRun';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : (process.argv[i + 1] ?? '');
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const sizes = smoke ? SIZES.smoke : SIZES.full;
  const rounds = Number(flag('--rounds') ?? (smoke ? 1 : 5));
  const only = flag('--only');
  const groups = LIMIT_GROUPS.filter(
    (g) => only === undefined || g.some((row) => row.name.includes(only)),
  );
  const load = loadavg()[0].toFixed(1);
  const results = await runLimit(groups, sizes, rounds, (line) => process.stderr.write(line));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  console.log(`${machine}, load average ${load} at start\n\n${limitTable(results)}`);
  if (!process.argv.includes('--write')) return;
  const date = new Date().toISOString().slice(0, 10);
  const subtitle = `${machine}, ${date}; ${rounds} interleaved rounds on a shared machine`;
  writeFileSync(path.join(ROOT, 'docs', 'benchmarks-limit.svg'), limitChart(results, subtitle));
  const how = [
    '## Against the no-SDK limit',
    '',
    `Measured with \`npm run bench:limit --workspace @typemcp/benchmarks -- --write\` on ${machine}, ${date}.`,
    `The machine was shared with other work while measuring (load average ${load} on its ${cpus().length} cores`,
    `when the run started), so every figure is the median of ${rounds} interleaved rounds and each share is`,
    'taken against the limit measured beside it in the same round. The driver speaks raw JSON-RPC on an',
    'undici keep-alive pool (one connection per worker, no pipelining): at 32 connections, 32 workers',
    'each with its own legacy session (`Accept: application/json, text/event-stream`) calling `add`;',
    'every row is warmed with 500 calls and 2 s more of them before it is measured (steady state).',
    'TypeMCP runs with default `serve()` options: stateful replies are SSE streams with the in-memory',
    'event store on (resumable); the stateless rows send 2026-07-28 requests to a `statelessOnly`',
    'server. The HTTP limit is `rawHttp.cjs json`: node:http, the body parsed, a JSON body answered;',
    'the stdio limit is `raw.cjs`.',
  ].join('\n');
  writeLimitSection(
    path.join(ROOT, 'docs', 'benchmarks.md'),
    limitSection(results, how, 'benchmarks-limit.svg'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
