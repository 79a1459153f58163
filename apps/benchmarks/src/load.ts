/**
 * The closed-loop load generator every driver shares: `concurrency` workers, each issuing one
 * call at a time, until a call budget or a time budget runs out; latencies in milliseconds.
 */

/** One measured run of one server in one scenario. */
export interface Measurement {
  /** Calls completed while measuring. */
  calls: number;
  seconds: number;
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the server process per measured call, µs. */
  serverCpuUsPerCall: number;
  /** Share of the measured wall time the server process was on a CPU. */
  serverBusy: number;
  /** Peak resident set of the server process (VmHWM), MB. */
  peakRssMb: number;
  /** Memory per idle legacy session, kB (session scenarios only): GC'd heap + external. */
  heapKbPerSession?: number;
  /** Memory per idle legacy session, kB (session scenarios only): resident set. */
  rssKbPerSession?: number;
}

/** How long a load runs: whichever budget runs out first. */
export interface LoadBudget {
  /** Calls in flight at any time (one per worker). */
  concurrency: number;
  /** Most calls to issue. */
  maxCalls: number;
  /** Most time to spend issuing calls, ms. */
  maxMs: number;
}

/** What {@link runLoad} measured, before the server's own figures are added. */
export type LoadResult = Pick<
  Measurement,
  'calls' | 'seconds' | 'callsPerSecond' | 'p50Ms' | 'p99Ms'
>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The server's figures for a load: CPU per call, busy share, peak RSS. */
export function serverFigures(
  load: LoadResult,
  cpuSeconds: number,
  peakRssMb: number,
): Pick<Measurement, 'serverCpuUsPerCall' | 'serverBusy' | 'peakRssMb'> {
  return {
    serverCpuUsPerCall: (cpuSeconds * 1e6) / load.calls,
    serverBusy: cpuSeconds / load.seconds,
    peakRssMb,
  };
}

/**
 * Runs `call` from `budget.concurrency` workers (the worker's index is passed, so a worker can
 * keep its own connection or session) until `maxCalls` were issued or `maxMs` elapsed; every
 * call issued is awaited. A failing call fails the run.
 *
 * @example
 * const result = await runLoad((worker) => peer.request('tools/call', call), { concurrency: 32, maxCalls: 1e5, maxMs: 4000 });
 */
export async function runLoad(
  call: (worker: number) => Promise<unknown>,
  budget: LoadBudget,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(budget.maxMs * 1e6));
  let issued = 0;
  const worker = async (index: number) => {
    while (issued < budget.maxCalls) {
      const t = process.hrtime.bigint();
      if (t > deadline) return;
      issued++;
      await call(index);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: budget.concurrency }, (_, i) => worker(i)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    calls: latencies.length,
    seconds,
    callsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
