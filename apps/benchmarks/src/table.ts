/** The results table: one row per scenario and server, with ratios to the official 1.x SDK and to the no-SDK limit. */
import type { Measurement } from './load';
import type { Scenario } from './scenarios';
import type { ServerId } from './servers/catalog';

/** The measurements of one scenario, by server. */
export interface ScenarioResult {
  scenario: Scenario;
  results: Partial<Record<ServerId, Measurement>>;
}

const HEADER = [
  '| scenario | server | calls/s | p50 ms | p99 ms | server CPU µs/call (busy) | peak RSS MB | kB/session heap / RSS | vs official 1.x | of no-SDK limit |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

const fixed = (n: number | undefined, digits: number) =>
  n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits);

/** One markdown row. */
function row(
  scenario: Scenario,
  server: ServerId,
  m: Measurement,
  official?: Measurement,
  limit?: Measurement,
): string {
  const memory =
    m.heapKbPerSession === undefined
      ? '—'
      : `${fixed(m.heapKbPerSession, 1)} / ${fixed(m.rssKbPerSession, 1)}`;
  const vsOfficial = official ? `${fixed(m.callsPerSecond / official.callsPerSecond, 2)}×` : '—';
  const ofLimit = limit ? `${fixed((m.callsPerSecond / limit.callsPerSecond) * 100, 0)}%` : '—';
  const cpu = `${fixed(m.serverCpuUsPerCall, 0)} (${fixed(m.serverBusy * 100, 0)}%)`;
  const cells = [
    scenario.name,
    server,
    fixed(m.callsPerSecond, 0),
    fixed(m.p50Ms, 3),
    fixed(m.p99Ms, 3),
    cpu,
    fixed(m.peakRssMb, 0),
    memory,
    vsOfficial,
    ofLimit,
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * The markdown table of every scenario's results, in scenario order; each server's calls/s
 * against the official 1.x row and the no-SDK (`raw`) row of the same scenario.
 *
 * @example
 * console.log(formatTable([{ scenario, results: { typemcp: m1, 'official-v1': m2, raw: m3 } }]));
 */
export function formatTable(results: ScenarioResult[]): string {
  const rows: string[] = [];
  for (const { scenario, results: byServer } of results) {
    for (const server of scenario.servers) {
      const m = byServer[server];
      if (m) rows.push(row(scenario, server, m, byServer['official-v1'], byServer.raw));
    }
  }
  return [...HEADER, ...rows].join('\n');
}
