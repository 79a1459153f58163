import type { JSONRPCMessage } from '@typemcp/protocol';

/**
 * Keeps the events of legacy Streamable HTTP streams so a client can resume a broken stream
 * with `Last-Event-ID`. Event ids name their stream.
 *
 * @example
 * const store: EventStore = new InMemoryEventStore({ maxEventsPerStream: 1000 });
 */
export interface EventStore {
  /**
   * Stores one event of a stream (`null` for the priming event) and returns its id. `sessionId`
   * names the session the stream belongs to, for per-session bounds.
   */
  storeEvent(streamId: string, message: JSONRPCMessage | null, sessionId?: string): Promise<string>;
  /** The stream an event id belongs to, if known. */
  streamIdOf(eventId: string): Promise<string | undefined>;
  /** Sends, in order, every event of the same stream stored after `lastEventId`; returns the stream id. */
  replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, message: JSONRPCMessage) => Promise<void>,
  ): Promise<string | undefined>;
  /** Forgets a stream's events (its session ended, or its final response was delivered). */
  deleteStream?(streamId: string): Promise<void>;
  /**
   * Optional: the id {@link EventStore.storeEvent} will give the `index`-th event (from 0) of a
   * stream nothing was stored of yet. A store that can say it lets the engine answer a request
   * whose reply is ready at once (priming event and response in one write, the common case)
   * without storing either: such a stream would be forgotten the moment it was delivered. When
   * the reply turns into a lasting stream instead, its events are stored first, in order, and
   * get exactly these ids.
   */
  predictEventId?(streamId: string, index: number): string;
}
