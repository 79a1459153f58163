import type { MessageBus } from '@typemcp/server';
import { limitResponse } from '../limits/refusals';
import { isRefusal } from '../limits/StreamBudget';
import type { EventStore } from '../streamable/EventStore';
import type { HttpSession, HttpSessionOptions } from '../streamable/HttpSession';
import { sseResponse } from '../streamable/SseWriter';
import { standaloneStreamOf } from './channels';
import { StoreUnavailableError } from './StoreUnavailableError';
import { StreamTailer } from './StreamTailer';

/** What {@link openClusterStream} works with. */
export interface ClusterStreamContext {
  /** The shared event store, waking tailers on write. */
  events: EventStore;
  /** The same store unwrapped: its failures are the caller's (a 503), not hidden. */
  rawEvents: EventStore;
  bus: MessageBus;
  options: HttpSessionOptions;
  report: (error: Error) => void;
}

/**
 * GET in a shared session: a resumption (`Last-Event-ID`) of one of its streams — served here if
 * this node holds the stream, else followed in the store by a {@link StreamTailer} — or a new GET
 * stream, which gets the session's messages relating to no request from now on, whichever node
 * writes them.
 *
 * @example
 * return openClusterStream(context, session, request.headers.get('last-event-id'));
 */
export async function openClusterStream(
  context: ClusterStreamContext,
  session: HttpSession,
  lastEventId: string | null,
): Promise<Response> {
  if (lastEventId) {
    const streamId = await StoreUnavailableError.guard('events', () =>
      context.events.streamIdOf(lastEventId),
    );
    if (streamId?.startsWith(`${session.id}.`)) {
      const here = await StoreUnavailableError.guard('events', () => session.resume(lastEventId));
      if (isRefusal(here)) return limitResponse(here.limit, here.value);
      if (here) return sseResponse(here);
      return tail(
        context,
        session,
        streamId,
        lastEventId,
        streamId !== standaloneStreamOf(session.id),
      );
    }
  }
  // a new GET stream starts at a marker event: it gets what is written after it
  const streamId = standaloneStreamOf(session.id);
  const marker = await StoreUnavailableError.guard('events', () =>
    context.rawEvents.storeEvent(streamId, null),
  );
  return tail(context, session, streamId, marker, false, true);
}

async function tail(
  context: ClusterStreamContext,
  session: HttpSession,
  streamId: string,
  after: string,
  endsWithResponse: boolean,
  prime = false,
): Promise<Response> {
  const { options } = context;
  const writer = options.streams.open(options.keepAliveMs, session);
  if (isRefusal(writer)) return limitResponse(writer.limit, writer.value);
  if (prime && session.primes) writer.prime(after, options.retryMs);
  const tailer = new StreamTailer(
    context.events,
    context.bus,
    streamId,
    writer,
    after,
    endsWithResponse,
    context.report,
  );
  try {
    await tailer.start();
  } catch (error) {
    tailer.finish();
    throw new StoreUnavailableError('bus', error);
  }
  return sseResponse(writer);
}
