import type { JSONRPCMessage } from '@typemcp/protocol';
import type { MessageBus } from '@typemcp/server';
import type { EventStore } from '../streamable/EventStore';
import { wakeChannel } from './channels';

/**
 * The shared {@link EventStore} as the nodes of a cluster use it: each stored event also wakes,
 * through the bus, the node tailing that stream (a stream resumed on another node). A write the
 * store refuses (it is down) still goes out live, under an id that cannot be resumed, and is
 * reported: a live reply is never held back by the store.
 *
 * @example
 * const events = new WakingEventStore(redisEvents, bus, (e) => server.reportError(e));
 */
export class WakingEventStore implements EventStore {
  private unstored = 0;

  constructor(
    private readonly inner: EventStore,
    private readonly bus: MessageBus,
    private readonly report: (error: Error) => void,
  ) {}

  async storeEvent(streamId: string, message: JSONRPCMessage | null): Promise<string> {
    let eventId: string;
    try {
      eventId = await this.inner.storeEvent(streamId, message);
    } catch (error) {
      this.report(
        new Error(
          `Event store unavailable, an event of ${streamId} is sent unstored: ${(error as Error).message}`,
        ),
      );
      return `${streamId}_unstored-${++this.unstored}`;
    }
    void this.bus.publish(wakeChannel(streamId), 1).catch(() => undefined);
    return eventId;
  }

  streamIdOf(eventId: string): Promise<string | undefined> {
    return this.inner.streamIdOf(eventId);
  }

  replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, message: JSONRPCMessage) => Promise<void>,
  ): Promise<string | undefined> {
    return this.inner.replayEventsAfter(lastEventId, send);
  }

  async deleteStream(streamId: string): Promise<void> {
    await this.inner.deleteStream?.(streamId);
  }
}
