/**
 * Runs the no-SDK limit rows: every group in each round, its rows one after the other in an order
 * that rotates each round, so a load spike of the shared machine hits a row and its limit alike.
 * A row's figures are medians over the rounds; its share of the limit is the median of the
 * per-round ratios (row ÷ the limit measured beside it in the same round).
 */
import { driveHttp } from '../drivers/httpDriver';
import { driveStdio } from '../drivers/stdioDriver';
import { UndiciEndpoint } from '../drivers/undiciEndpoint';
import type { Measurement } from '../load';
import type { Sizes } from '../scenarios';
import { httpServer, stdioServer } from '../servers/catalog';
import type { LimitRow } from './limitRows';

/** What the run found for one row. */
export interface LimitResult {
  row: LimitRow;
  /** Every round's measurement, in round order. */
  rounds: Measurement[];
  /** Median calls/s over the rounds. */
  callsPerSecond: number;
  /** Median server CPU per call, µs. */
  cpuUsPerCall: number;
  /** Median over the rounds of calls/s ÷ the limit's calls/s in the same round. */
  share?: number;
  /** Lowest and highest of those per-round shares. */
  shareRange?: [number, number];
}

const ADD = { name: 'add', arguments: { a: 1, b: 2 } };

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Measures one row once: `tools/call add` under the run's sizes. */
function measureRow(row: LimitRow, sizes: Sizes): Promise<Measurement> {
  const budget = { concurrency: row.concurrency, maxCalls: sizes.maxCalls, maxMs: sizes.measureMs };
  if (row.transport === 'stdio') {
    return driveStdio(
      process.execPath,
      stdioServer(row.server),
      { method: 'tools/call', params: ADD, warmup: sizes.warmup, warmupMs: sizes.warmupMs },
      budget,
    );
  }
  const work = {
    dialect: row.dialect ?? 'legacy',
    method: 'tools/call',
    params: ADD,
    warmup: sizes.warmup,
    warmupMs: sizes.warmupMs,
  };
  return driveHttp(
    process.execPath,
    httpServer(row.server, row.mode ?? 'json'),
    work,
    budget,
    (port, n) => new UndiciEndpoint(port, n),
  );
}

/**
 * Measures `groups` for `rounds` rounds; `log` gets a line per measurement.
 *
 * @example
 * const results = await runLimit(LIMIT_GROUPS, SIZES.full, 5, (line) => process.stderr.write(line));
 */
export async function runLimit(
  groups: LimitRow[][],
  sizes: Sizes,
  rounds: number,
  log: (line: string) => void,
): Promise<LimitResult[]> {
  const byName = new Map<string, Measurement[]>();
  for (let round = 0; round < rounds; round++) {
    for (const group of groups) {
      for (let i = 0; i < group.length; i++) {
        const row = group[(i + round) % group.length];
        const m = await measureRow(row, sizes);
        byName.set(row.name, [...(byName.get(row.name) ?? []), m]);
        log(
          `[round ${round + 1}/${rounds}] ${row.name}: ${m.callsPerSecond.toFixed(0)}/s, ${m.serverCpuUsPerCall.toFixed(0)} µs CPU/call\n`,
        );
      }
    }
  }
  return groups.flat().map((row) => {
    const measured = byName.get(row.name) ?? [];
    const result: LimitResult = {
      row,
      rounds: measured,
      callsPerSecond: median(measured.map((m) => m.callsPerSecond)),
      cpuUsPerCall: median(measured.map((m) => m.serverCpuUsPerCall)),
    };
    const limit = row.limit === undefined ? undefined : byName.get(row.limit);
    if (limit) {
      const shares = measured.map((m, i) => m.callsPerSecond / limit[i].callsPerSecond);
      result.share = median(shares);
      result.shareRange = [Math.min(...shares), Math.max(...shares)];
    }
    return result;
  });
}
