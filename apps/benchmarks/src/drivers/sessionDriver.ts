/**
 * Opens legacy Streamable HTTP sessions (initialize + notifications/initialized) and keeps them:
 * the handshake's rate and latency, and the server's memory per idle session (after forced GCs,
 * heap + external and resident set, against a baseline taken after a warm-up).
 */
import type { Measurement } from '../load';
import { runLoad, serverFigures } from '../load';
import { peakRssMb, withCpu } from '../procStats';
import { openLegacySession } from './httpDialects';
import { withHttpServer } from './httpServerProcess';

/** How many sessions to open, and how. */
export interface SessionWork {
  /** Sessions opened (and kept) while measuring. */
  sessions: number;
  /** Sessions opened (and kept) before the baseline. */
  warmup: number;
  /** Handshakes in flight at once (one connection each). */
  concurrency: number;
}

/**
 * Starts the server (`command args`; give it `--expose-gc`), opens `warmup` sessions, takes the
 * memory baseline, opens `sessions` more and measures again.
 *
 * @example
 * await driveSessions(process.execPath, ['--expose-gc', 'rawHttp.cjs', 'sse'], { sessions: 1000, warmup: 100, concurrency: 32 });
 */
export async function driveSessions(
  command: string,
  args: string[],
  work: SessionWork,
): Promise<Measurement> {
  return withHttpServer(command, args, work.concurrency, async (server, endpoint) => {
    const open = () => openLegacySession(endpoint);
    await runLoad(open, { concurrency: work.concurrency, maxCalls: work.warmup, maxMs: 60_000 });
    const before = await server.memory();
    const { value: load, cpu } = await withCpu(server.pid, () =>
      runLoad(open, { concurrency: work.concurrency, maxCalls: work.sessions, maxMs: 600_000 }),
    );
    const after = await server.memory();
    return {
      ...load,
      ...serverFigures(load, cpu, peakRssMb(server.pid)),
      heapKbPerSession:
        (after.heapUsed + after.external - before.heapUsed - before.external) / 1024 / load.calls,
      rssKbPerSession: (after.rss - before.rss) / 1024 / load.calls,
    };
  });
}
