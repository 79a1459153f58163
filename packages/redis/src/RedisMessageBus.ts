import type Redis from 'ioredis';
import type { MessageBus } from '@typemcp/server';

/**
 * The {@link MessageBus} on Redis pub/sub: one publishing connection (shared with the stores) and
 * one subscribing connection, which listens to a channel while this process has a handler for it
 * and subscribes again by itself after Redis comes back.
 *
 * @example
 * const bus = new RedisMessageBus(client, client.duplicate());
 */
export class RedisMessageBus implements MessageBus {
  private readonly handlers = new Map<string, Set<(message: unknown) => void>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix = 'typemcp:',
  ) {
    subscriber.on('message', (channel: string, text: string) => {
      const handlers = this.handlers.get(channel.slice(this.prefix.length));
      if (!handlers) return;
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        return; // not ours
      }
      for (const handler of [...handlers]) handler(message);
    });
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(message));
  }

  async subscribe(
    channel: string,
    handler: (message: unknown) => void,
  ): Promise<() => Promise<void>> {
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      try {
        await this.subscriber.subscribe(this.prefix + channel);
      } catch (error) {
        if (handlers.size === 0) this.handlers.delete(channel);
        throw error;
      }
    }
    const own = (message: unknown) => handler(message);
    handlers.add(own);
    const set = handlers;
    return async () => {
      set.delete(own);
      if (set.size > 0 || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      await this.subscriber.unsubscribe(this.prefix + channel).catch(() => undefined);
    };
  }

  /** Channels this process listens to now. */
  get channelCount(): number {
    return this.handlers.size;
  }
}
