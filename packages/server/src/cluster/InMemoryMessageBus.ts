import type { MessageBus } from './MessageBus';

/**
 * A {@link MessageBus} inside one process: several HTTP engines sharing it behave as the nodes of
 * a cluster (handy in tests). Delivery is asynchronous, as over a network.
 *
 * @example
 * const bus = new InMemoryMessageBus();
 * await bus.subscribe('news', (m) => console.log(m));
 * await bus.publish('news', 'hello');
 */
export class InMemoryMessageBus implements MessageBus {
  private readonly channels = new Map<string, Set<(message: unknown) => void>>();

  async publish(channel: string, message: unknown): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    const copy = structuredClone(message);
    for (const handler of [...handlers]) queueMicrotask(() => handler(copy));
  }

  async subscribe(
    channel: string,
    handler: (message: unknown) => void,
  ): Promise<() => Promise<void>> {
    let handlers = this.channels.get(channel);
    if (!handlers) this.channels.set(channel, (handlers = new Set()));
    const own = (message: unknown) => handler(message);
    handlers.add(own);
    return async () => {
      handlers.delete(own);
      if (handlers.size === 0 && this.channels.get(channel) === handlers)
        this.channels.delete(channel);
    };
  }

  /** Channels someone listens to now. */
  get channelCount(): number {
    return this.channels.size;
  }
}
