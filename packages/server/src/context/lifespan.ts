import type { ContainerInstance } from 'typedi';

/** What a lifespan receives: the server's container, and a way to provide services. */
export interface LifespanContext {
  /** The server's typedi container. */
  container: ContainerInstance;
  /**
   * Registers a service in the container; `dispose` runs at shutdown, services in reverse order
   * of registration.
   */
  provide<T>(id: string | Function | { name: string }, value: T, dispose?: (value: T) => unknown): T;
}

/**
 * Starts services before the first request. Provide them with `provide`; return a function to
 * run at shutdown if you need more than the per-service disposers.
 *
 * @example
 * const lifespan: Lifespan = async ({ provide }) => {
 *   const db = await Database.connect();
 *   provide(Database, db, (d) => d.close());
 * };
 */
export type Lifespan = (context: LifespanContext) => Promise<void | (() => unknown)> | void | (() => unknown);

/** Runs a lifespan once and stops it once. */
export class LifespanRunner {
  private started?: Promise<void>;
  private readonly disposers: Array<() => unknown> = [];
  private stopped = false;

  constructor(
    private readonly lifespan: Lifespan | undefined,
    private readonly container: ContainerInstance,
  ) {}

  /** Starts the lifespan (only the first call does anything). */
  start(): Promise<void> {
    return (this.started ??= this.run());
  }

  private async run(): Promise<void> {
    if (!this.lifespan) return;
    const cleanup = await this.lifespan({
      container: this.container,
      provide: (id, value, dispose) => {
        this.container.set({ id: id as Function, value });
        if (dispose) this.disposers.push(() => dispose(value));
        return value;
      },
    });
    if (typeof cleanup === 'function') this.disposers.unshift(cleanup);
  }

  /** Stops services in reverse order of start (only once). */
  async stop(): Promise<void> {
    if (this.stopped || !this.started) return;
    this.stopped = true;
    await this.started.catch(() => undefined);
    for (const dispose of this.disposers.reverse()) {
      try {
        await dispose();
      } catch (error) {
        process.stderr.write(`[typemcp] lifespan: a service failed to stop: ${(error as Error).message}\n`);
      }
    }
  }
}
