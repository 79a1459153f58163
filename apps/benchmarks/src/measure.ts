/** Runs one server through one scenario with the right driver. */
import { driveHttp } from './drivers/httpDriver';
import { driveSessions } from './drivers/sessionDriver';
import { driveStdio } from './drivers/stdioDriver';
import type { Measurement } from './load';
import type { Scenario, Sizes } from './scenarios';
import { dialectOf } from './scenarios';
import { httpServer, stdioServer } from './servers/catalog';
import type { ServerId } from './servers/catalog';

/**
 * Measures `server` in `scenario`: starts it in a child process, warms it up, measures under the
 * run's sizes, stops it.
 *
 * @example
 * const m = await measure(SCENARIOS[0], 'typemcp', SIZES.smoke);
 */
export async function measure(
  scenario: Scenario,
  server: ServerId,
  sizes: Sizes,
): Promise<Measurement> {
  const budget = {
    concurrency: scenario.concurrency,
    maxCalls: sizes.maxCalls,
    maxMs: sizes.measureMs,
  };
  const node = process.execPath;
  switch (scenario.kind) {
    case 'stdio':
      return driveStdio(
        node,
        stdioServer(server, scenario.toolCount),
        { method: scenario.method, params: scenario.params, warmup: sizes.warmup },
        {
          ...budget,
          maxCalls: Math.min(sizes.maxCalls, scenario.maxCalls ?? Infinity),
          maxMs: sizes.measureMs * (scenario.maxCalls ? 2 : 1),
        },
      );
    case 'http':
      return driveHttp(
        node,
        httpServer(server, scenario.mode),
        {
          dialect: dialectOf(scenario.mode, server),
          method: scenario.method,
          params: scenario.params,
          warmup: sizes.warmup,
        },
        budget,
      );
    case 'sessions':
      return driveSessions(node, httpServer(server, 'sse', true), {
        sessions: sizes.sessions,
        warmup: Math.max(1, Math.round(sizes.sessions / 10)),
        concurrency: scenario.concurrency,
      });
  }
}
