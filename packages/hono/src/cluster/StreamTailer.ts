import type { MessageBus } from '@typemcp/server';
import type { EventStore } from '../streamable/EventStore';
import type { SseWriter } from '../streamable/SseWriter';
import { wakeChannel } from './channels';

/**
 * Sends a stored stream's events to one SSE connection as other nodes write them: listens for
 * wake-ups first, then reads everything after the last event sent, again at every wake-up, one
 * read at a time. So no event is lost between the replay and the live part, and none is sent
 * twice. A request's stream ends with its response; a GET stream goes on until the client leaves.
 *
 * @example
 * await new StreamTailer(events, bus, streamId, writer, lastEventId, true).start();
 */
export class StreamTailer {
  private queue: Promise<void> = Promise.resolve();
  private unsubscribe?: () => Promise<void>;
  private finished = false;
  private scheduled = false;

  constructor(
    private readonly events: EventStore,
    private readonly bus: MessageBus,
    readonly streamId: string,
    private readonly writer: SseWriter,
    private after: string,
    /** True for a request's stream: its response is the last event. */
    private readonly endsWithResponse: boolean,
    private readonly report: (error: Error) => void,
  ) {}

  /** Starts tailing; resolves once the events stored so far were sent. */
  async start(): Promise<void> {
    this.writer.onclose = () => this.finish();
    const unsubscribe = await this.bus.subscribe(
      wakeChannel(this.streamId),
      () => void this.pull(),
    );
    this.unsubscribe = unsubscribe;
    if (this.finished) return void unsubscribe().catch(() => undefined); // the client already left
    await this.pull();
  }

  /** Reads what is new; wake-ups that arrive while a read waits to start add nothing to the queue. */
  private pull(): Promise<void> {
    if (this.scheduled) return this.queue;
    this.scheduled = true;
    this.queue = this.queue.then(async () => {
      this.scheduled = false;
      if (this.finished) return;
      try {
        await this.events.replayEventsAfter(this.after, async (eventId, message) => {
          if (this.finished) return;
          this.writer.send(message, eventId);
          this.after = eventId;
          if (this.endsWithResponse && !('method' in message)) this.finish();
        });
      } catch (error) {
        // the store is away: the client resumes from the last event it got once it is back
        this.report(error as Error);
        this.finish();
      }
    });
    return this.queue;
  }

  /** Stops tailing and closes the connection. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.writer.close();
    void this.unsubscribe?.().catch(() => undefined);
  }
}
