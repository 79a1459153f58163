import type { ContainerInstance } from 'typedi';
import { LifespanRunner } from '../context/lifespan';
import type { Lifespan } from '../context/lifespan';
import { getMetadataStorage } from '../metadata/MetadataStorage';
import type { ClassType } from '../metadata/definitions';
import type { InvocationEnv } from '../registry/Invocation';
import type { Registry } from '../registry/Registry';

/**
 * The container side of an `McpApp`: the typedi container, the provider instances it resolves
 * (once, after the lifespan started), and the lifespan itself (start and stop).
 */
export class AppContainer {
  private readonly lifespan: LifespanRunner;
  private readonly instances = new Map<Function, Promise<object>>();
  /** The same instances once resolved: a call then gets its instance without an await. */
  private readonly resolvedInstances = new Map<Function, object>();

  constructor(
    readonly container: ContainerInstance,
    providers: readonly ClassType[],
    lifespan: Lifespan | undefined,
  ) {
    const lifespans = providers
      .map((p) => getMetadataStorage().serverOf(p)?.options.lifespan as Lifespan | undefined)
      .concat(lifespan)
      .filter((l): l is Lifespan => typeof l === 'function');
    this.lifespan = new LifespanRunner([...new Set(lifespans)], container);
  }

  /** True once the lifespan started. */
  get isReady(): boolean {
    return this.lifespan.isReady;
  }

  /** Starts the lifespan (once per process, whatever the transports). */
  start(): Promise<void> {
    return this.lifespan.start();
  }

  /** Stops the lifespan's services. */
  stop(): Promise<void> {
    return this.lifespan.stop();
  }

  /** What the handlers of `target`'s members run with: its instance, the container, a resource reader. */
  env(target: Function, registry: Registry): InvocationEnv {
    return {
      instance: () => this.resolvedInstances.get(target) ?? this.instanceOf(target),
      container: this.container,
      reader: (uri, ctx) => registry.read(uri, ctx.request),
    };
  }

  /** The instance of a provider class, resolved once from the container after the lifespan started. */
  instanceOf(target: Function): Promise<object> {
    let instance = this.instances.get(target);
    if (!instance) {
      instance = this.lifespan.start().then(() => {
        if (!this.container.has(target as never))
          this.container.set({ id: target, type: target as never });
        const resolved = this.container.get(target as never) as object;
        this.resolvedInstances.set(target, resolved);
        return resolved;
      });
      this.instances.set(target, instance);
    }
    return instance;
  }
}
