import type { ContainerInstance } from 'typedi';

/** What a lifespan receives: the server's container, and a way to provide services. */
export interface LifespanContext {
  /** The server's typedi container (never typedi's global one unless you passed it). */
  container: ContainerInstance;
  /**
   * Registers a service in the container and returns it; `dispose` runs at shutdown. Everything
   * a server starts is stopped in reverse order of starting.
   */
  provide<T>(
    id: string | Function | { name: string },
    value: T,
    dispose?: (value: T) => unknown,
  ): T;
}

/**
 * Starts services before the first request and stops them at shutdown. Two styles:
 *
 * - a function: provide services with `provide(id, value, dispose?)`, and optionally return a
 *   cleanup function;
 * - an async generator (FastMCP's `@asynccontextmanager`): start things, `yield` (optionally an
 *   object whose entries are provided under their keys), then stop them after the `yield` —
 *   that code runs at shutdown.
 *
 * @example
 * const lifespan: Lifespan = async ({ provide }) => {
 *   provide(Database, await Database.connect(), (db) => db.close());
 * };
 *
 * @example
 * const lifespan: Lifespan = async function* ({ provide }) {
 *   const db = provide(Database, await Database.connect());
 *   try { yield; } finally { await db.close(); }
 * };
 */
export type Lifespan = (
  context: LifespanContext,
) =>
  | Promise<void | (() => unknown)>
  | void
  | (() => unknown)
  | AsyncGenerator<unknown, unknown, unknown>;

function isAsyncGenerator(value: unknown): value is AsyncGenerator<unknown, unknown, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AsyncGenerator).next === 'function' &&
    Symbol.asyncIterator in value
  );
}

/**
 * Runs the lifespans of one server once, in order, and stops what they started once, in reverse
 * order: one stack holds every disposer, every cleanup function and the rest of every generator.
 * If a lifespan fails to start, what had started is stopped and the error is kept: every request
 * then fails with it.
 */
export class LifespanRunner {
  private started?: Promise<void>;
  private ready = false;
  private readonly stack: Array<() => unknown> = [];
  private stopped = false;

  constructor(
    private readonly lifespans: readonly Lifespan[],
    private readonly container: ContainerInstance,
  ) {}

  /** True once every lifespan started: requests then need not wait on {@link start}. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Starts the lifespans (only the first call does anything). */
  start(): Promise<void> {
    return (this.started ??= this.run());
  }

  private provide = <T>(
    id: string | Function | { name: string },
    value: T,
    dispose?: (value: T) => unknown,
  ): T => {
    this.container.set({ id: id as Function, value });
    if (dispose) this.stack.push(() => dispose(value));
    return value;
  };

  private async run(): Promise<void> {
    try {
      for (const lifespan of this.lifespans) {
        const outcome = await lifespan({ container: this.container, provide: this.provide });
        if (isAsyncGenerator(outcome)) {
          const first = await outcome.next();
          if (!first.done && typeof first.value === 'object' && first.value !== null) {
            for (const [key, value] of Object.entries(first.value)) this.provide(key, value);
          }
          if (!first.done) this.stack.push(() => outcome.next());
        } else if (typeof outcome === 'function') {
          this.stack.push(outcome);
        }
      }
      this.ready = true;
    } catch (error) {
      await this.unwind();
      throw error;
    }
  }

  private async unwind(): Promise<void> {
    while (this.stack.length > 0) {
      const dispose = this.stack.pop() as () => unknown;
      try {
        await dispose();
      } catch (error) {
        process.stderr.write(
          `[typemcp] lifespan: a service failed to stop: ${(error as Error).message}\n`,
        );
      }
    }
  }

  /** Stops everything in reverse order of start (only once; nothing if never started). */
  async stop(): Promise<void> {
    if (this.stopped || !this.started) return;
    this.stopped = true;
    await this.started.catch(() => undefined);
    await this.unwind();
  }
}
