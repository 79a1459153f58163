/** Drives an HTTP MCP server: one client per connection, warm-up, then a measured load. */
import type { LoadBudget, Measurement } from '../load';
import { runLoad, serverFigures } from '../load';
import { peakRssMb, withCpu } from '../procStats';
import { HttpClientSession } from './httpDialects';
import type { HttpDialect } from './httpDialects';
import { withHttpServer } from './httpServerProcess';
import type { EndpointFactory } from './httpServerProcess';

/** One HTTP scenario: the request shape, a method and its params. */
export interface HttpWork {
  dialect: HttpDialect;
  method: string;
  params: Record<string, unknown>;
  /** Calls issued (at the scenario's concurrency) before measuring. */
  warmup: number;
  /** Then more calls, for this long, ms (default 0). */
  warmupMs?: number;
}

/**
 * Starts the server (`command args`), opens `budget.concurrency` clients (each a session, for
 * the legacy dialect) over as many kept-alive connections (made by `endpointOf`, node:http by
 * default), warms up, then measures `work`.
 *
 * @example
 * await driveHttp(process.execPath, ['rawHttp.cjs', 'json'], { dialect: 'legacy', method: 'tools/call', params, warmup: 500 }, budget);
 */
export async function driveHttp(
  command: string,
  args: string[],
  work: HttpWork,
  budget: LoadBudget,
  endpointOf?: EndpointFactory,
): Promise<Measurement> {
  return withHttpServer(
    command,
    args,
    budget.concurrency,
    async (server, endpoint) => {
      const clients: HttpClientSession[] = [];
      for (let i = 0; i < budget.concurrency; i++)
        clients.push(await HttpClientSession.open(endpoint, work.dialect));
      const call = (worker: number) => clients[worker].call(work.method, work.params);
      await runLoad(call, {
        concurrency: budget.concurrency,
        maxCalls: work.warmup,
        maxMs: 60_000,
      });
      if (work.warmupMs)
        await runLoad(call, {
          concurrency: budget.concurrency,
          maxCalls: Number.MAX_SAFE_INTEGER,
          maxMs: work.warmupMs,
        });
      const { value: load, cpu } = await withCpu(server.pid, () => runLoad(call, budget));
      return { ...load, ...serverFigures(load, cpu, peakRssMb(server.pid)) };
    },
    endpointOf,
  );
}
