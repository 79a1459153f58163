/** Drives a stdio MCP server with raw JSON-RPC: handshake, warm-up, then a measured load. */
import type { LoadBudget, Measurement } from '../load';
import { runLoad, serverFigures } from '../load';
import { peakRssMb, withCpu } from '../procStats';
import { StdioPeer } from './stdioPeer';

/** One stdio scenario: a method and its params, issued under a budget. */
export interface StdioWork {
  method: string;
  params: Record<string, unknown>;
  /** Calls issued one at a time before measuring. */
  warmup: number;
  /** Then more calls, one at a time, for this long, ms (default 0). */
  warmupMs?: number;
}

/**
 * Starts the server (`command args`), performs the legacy handshake, warms up with `warmup`
 * sequential calls, then measures `work` under `budget`.
 *
 * @example
 * await driveStdio(process.execPath, ['raw.cjs'], { method: 'tools/call', params: { name: 'add', arguments: { a: 1, b: 2 } }, warmup: 500 }, budget);
 */
export async function driveStdio(
  command: string,
  args: string[],
  work: StdioWork,
  budget: LoadBudget,
): Promise<Measurement> {
  const peer = new StdioPeer(command, args);
  try {
    await peer.initialize();
    for (let i = 0; i < work.warmup; i++) await peer.request(work.method, work.params);
    const warmUntil = Date.now() + (work.warmupMs ?? 0);
    while (Date.now() < warmUntil) await peer.request(work.method, work.params);
    const { value: load, cpu } = await withCpu(peer.pid, () =>
      runLoad(() => peer.request(work.method, work.params), budget),
    );
    return { ...load, ...serverFigures(load, cpu, peakRssMb(peer.pid)) };
  } finally {
    await peer.close();
  }
}
