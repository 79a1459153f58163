import 'reflect-metadata';
import { Container, Service } from 'typedi';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';
import type { Lifespan } from '@typemcp/server';
import { connect } from '../support/connect';

const log: string[] = [];

class Clock {
  constructor(readonly label: string) {}
}

@Service()
class Reporter {
  constructor(private readonly clock: Clock) {}
  report(): string {
    return `reporter using ${this.clock.label}`;
  }
}

/** Generator style: start, yield services, stop after the yield. */
const clockLifespan: Lifespan = async function* ({ provide }) {
  log.push('start clock');
  provide(Clock, new Clock('wall clock'));
  try {
    yield { greeting: 'hello from the lifespan' };
  } finally {
    log.push('stop clock');
  }
};

/** Function style: provide with a disposer, return a cleanup. */
const cacheLifespan: Lifespan = async ({ provide }) => {
  log.push('start cache');
  provide('cache', new Map([['k', 'v']]), () => log.push('dispose cache'));
  return () => log.push('cleanup cache');
};

@McpServer({ name: 'clocks', version: '1.0.0', lifespan: clockLifespan })
class Clocks {
  constructor(private readonly reporter: Reporter) {}

  @Tool() report(ctx: Context): string {
    return `${this.reporter.report()}; ${ctx.get<string>('greeting')}`;
  }
}

@McpServer({ lifespan: cacheLifespan })
class Caches {
  @Tool() cached(key: string, ctx: Context): string {
    return ctx.get<Map<string, string>>('cache').get(key) ?? 'miss';
  }
}

describe('lifespan', () => {
  beforeEach(() => {
    log.length = 0;
  });

  it('runs every provider lifespan once, in order, and stops everything in reverse order', async () => {
    const app = createServer({ name: 'composed', version: '1.0.0', providers: [Clocks, Caches] });
    expect(log).toEqual([]); // nothing starts before it is needed
    for (let i = 0; i < 3; i++) {
      const peer = await (await connect(app.server)).legacy();
      expect(
        (await peer.request('tools/call', { name: 'report', arguments: {} })).result?.content,
      ).toEqual([{ type: 'text', text: 'reporter using wall clock; hello from the lifespan' }]);
      expect(
        (await peer.request('tools/call', { name: 'cached', arguments: { key: 'k' } })).result
          ?.content,
      ).toEqual([{ type: 'text', text: 'v' }]);
      await peer.close();
    }
    expect(log).toEqual(['start clock', 'start cache']);
    await app.stop();
    await app.stop();
    expect(log).toEqual([
      'start clock',
      'start cache',
      'cleanup cache',
      'dispose cache',
      'stop clock',
    ]);
  });

  it('registers services in the server container, never in the global one', async () => {
    const app = createServer({ providers: [Clocks] });
    await app.start();
    expect(app.container.get(Clock).label).toBe('wall clock');
    expect(Container.has(Clock)).toBe(false);
    await app.stop();
  });

  it('uses a container the user passes', async () => {
    const mine = Container.of('lifespan-test-container');
    const app = createServer({ providers: [Caches], container: mine });
    await app.start();
    expect(mine.get<Map<string, string>>('cache').get('k')).toBe('v');
    await app.stop();
  });

  it('a failing start stops what had started, and requests report the failure', async () => {
    const broken: Lifespan = async () => {
      log.push('start broken');
      throw new Error('database unreachable');
    };
    @McpServer({ lifespan: broken })
    class Broken {
      @Tool() ping(): string {
        return 'pong';
      }
    }
    const app = createServer({ providers: [Clocks, Broken] });
    const peer = await (await connect(app.server)).legacy();
    const res = await peer.request('tools/call', { name: 'ping', arguments: {} });
    expect(res.error?.code).toBe(-32603);
    expect(log).toEqual(['start clock', 'start broken', 'stop clock']);
    await app.stop();
    expect(log).toEqual(['start clock', 'start broken', 'stop clock']);
  });

  it('stop() before any request starts nothing', async () => {
    const app = createServer({ providers: [Clocks] });
    await app.stop();
    expect(log).toEqual([]);
  });
});
