/**
 * Runs every server through every scenario, interleaved (for each scenario, each server in
 * turn), and prints one table with each server's ratio to the official 1.x SDK and to the no-SDK
 * responder.
 *
 *   --smoke        a short run for CI (every scenario and server at tiny sizes; never judges speed)
 *   --write        records the table in docs/benchmarks.md (its "## Reading it" section is kept)
 *   --only TEXT    only the scenarios whose name contains TEXT
 *   --rounds N     run every scenario N times (interleaved) and keep each row's best (default 3)
 *   --soak         instead: the 1,000,000-call RSS soak of TypeMCP over stdio (--calls N to change)
 */
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';
import { writeDoc } from './docWriter';
import { HttpServerProcess } from './drivers/httpServerProcess';
import type { Measurement } from './load';
import { measure } from './measure';
import { SCENARIOS, SIZES } from './scenarios';
import type { Scenario, Sizes } from './scenarios';
import type { ServerId } from './servers/catalog';
import { formatSoak, soak } from './soak';
import { formatTable } from './table';
import type { ScenarioResult } from './table';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : (process.argv[i + 1] ?? '');
}

/** Keeps, for each scenario and server, the round with the most calls per second. */
function keepBest(
  results: Partial<Record<ServerId, Measurement>>,
  server: ServerId,
  m: Measurement,
): void {
  const seen = results[server];
  if (!seen || m.callsPerSecond > seen.callsPerSecond) results[server] = m;
}

/**
 * Measures one row; a failure is reported on stderr and the row measured again up to `retries`
 * times (a full run outlives a passing hiccup of a shared machine; the smoke run never retries).
 */
async function measureOrRetry(
  scenario: Scenario,
  server: ServerId,
  sizes: Sizes,
  retries: number,
): Promise<Measurement> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await measure(scenario, server, sizes);
    } catch (error) {
      const message = `${scenario.name} / ${server}: ${error instanceof Error ? error.message : String(error)}`;
      if (attempt >= retries) throw new Error(message, { cause: error });
      process.stderr.write(`[retrying] ${message}\n`);
    }
  }
}

async function runScenarios(smoke: boolean): Promise<ScenarioResult[]> {
  const sizes = smoke ? SIZES.smoke : SIZES.full;
  const only = flag('--only');
  const rounds = Number(flag('--rounds') ?? sizes.rounds);
  const done: ScenarioResult[] = SCENARIOS.filter(
    (s) => only === undefined || s.name.includes(only),
  ).map((scenario) => ({ scenario, results: {} }));
  const total = rounds * done.reduce((n, s) => n + s.scenario.servers.length, 0);
  let row = 0;
  for (let round = 1; round <= rounds; round++) {
    for (const { scenario, results } of done) {
      const one = async (server: ServerId) => {
        const m = await measureOrRetry(scenario, server, sizes, smoke ? 0 : 1);
        keepBest(results, server, m);
        const cpu = `${m.serverCpuUsPerCall.toFixed(0)} µs CPU/call, ${(m.serverBusy * 100).toFixed(0)}% busy`;
        process.stderr.write(
          `[${++row}/${total}] ${scenario.name} | ${server}: ${m.callsPerSecond.toFixed(0)}/s (${m.calls} in ${m.seconds.toFixed(1)} s; ${cpu})\n`,
        );
      };
      // one server at a time, starting with a different one each round; the smoke run (which
      // never judges speed) runs them together
      const order = scenario.servers.map(
        (_, i) => scenario.servers[(i + round - 1) % scenario.servers.length],
      );
      if (smoke) await Promise.all(order.map(one));
      else for (const server of order) await one(server);
    }
  }
  return done;
}

async function main(): Promise<void> {
  if (process.argv.includes('--soak')) {
    const report = await soak(Number(flag('--calls') ?? 1_000_000));
    console.log(formatSoak(report));
    return;
  }
  const started = Date.now();
  const smoke = process.argv.includes('--smoke');
  HttpServerProcess.share = smoke; // the smoke run starts each HTTP server once
  const results = await runScenarios(smoke).finally(() => HttpServerProcess.closeShared());
  const table = formatTable(results);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`${machine}\n\n${table}\n\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (process.argv.includes('--write')) {
    writeDoc(path.join(ROOT, 'docs', 'benchmarks.md'), {
      machine,
      date: new Date().toISOString().slice(0, 10),
      table,
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
