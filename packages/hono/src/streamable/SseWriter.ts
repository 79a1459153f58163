import type { JSONRPCMessage } from '@typemcp/protocol';
import { reply } from '../reply';

const encoder = new TextEncoder();

/** Bytes queued for a slow reader before `ready()` makes producers wait. */
export const SSE_HIGH_WATER_BYTES = 64 * 1024;
/** Bytes queued past which progress and log notifications are dropped (producers that do not wait). */
export const SSE_DROP_BYTES = 1024 * 1024;
const DROPPABLE = new Set(['notifications/progress', 'notifications/message']);

/**
 * Writes Server-Sent Events to a web `ReadableStream`: messages, the priming event, `retry`,
 * keep-alive comments. Closing it (or the client going away) stops its keep-alive timer and
 * runs `release` (the engine's stream count) and then `onclose`, once.
 */
export class SseWriter {
  private streamValue?: ReadableStream<Uint8Array>;
  private controller?: ReadableStreamDefaultController<Uint8Array>;
  private closed = false;
  private keepAlive?: ReturnType<typeof setInterval>;
  /** Deferred mode: events written before the body is chosen. */
  private pending?: string;
  private settle?: (body: string | ReadableStream<Uint8Array>) => void;
  private chosen?: string | ReadableStream<Uint8Array>;
  /** Deferred: the check at the end of this turn of the event loop (cleared if closed before). */
  private turnEnd?: ReturnType<typeof setImmediate>;
  /** Producers waiting for the reader to catch up. */
  private waiting?: { promise: Promise<void>; resolve: () => void };
  /** Notifications dropped because the reader fell too far behind. */
  dropped = 0;
  onclose?: () => void;
  /** Called once when a deferred writer turns into a stream (its reply was not ready at once). */
  onstreaming?: () => void;

  constructor(
    private readonly keepAliveMs?: number,
    private readonly release?: () => void,
    /**
     * Hold the events for this turn of the event loop: when the stream is closed by then (a
     * reply ready at once with nothing before it, the common case) the whole body goes out as
     * one string, without a web stream or a keep-alive timer; otherwise the stream starts with
     * what was held. Read the body with {@link SseWriter.body}.
     */
    deferred = false,
  ) {
    if (deferred) {
      this.pending = '';
      // a reply that is not ready within this turn of the event loop gets its stream at once
      this.turnEnd = setImmediate(() => this.streamNow());
    } else this.openStream();
  }

  /** The stream behind an immediate writer. */
  get stream(): ReadableStream<Uint8Array> {
    return this.streamValue ?? this.openStream();
  }

  /** The response body: at once for an immediate writer, once chosen for a deferred one. */
  body(): Promise<string | ReadableStream<Uint8Array>> {
    if (this.chosen !== undefined) return Promise.resolve(this.chosen);
    if (this.pending === undefined) return Promise.resolve(this.stream);
    return new Promise((resolve) => (this.settle = resolve));
  }

  private decide(body: string | ReadableStream<Uint8Array>): void {
    this.chosen = body;
    this.settle?.(body);
  }

  private openStream(): ReadableStream<Uint8Array> {
    const buffered = this.pending;
    this.pending = undefined;
    this.streamValue = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
          if (buffered) controller.enqueue(encoder.encode(buffered));
        },
        pull: () => this.wake(),
        cancel: () => this.finish(),
      },
      { highWaterMark: SSE_HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
    );
    if (this.keepAliveMs && this.keepAliveMs > 0) {
      this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), this.keepAliveMs);
      this.keepAlive.unref?.();
    }
    return this.streamValue;
  }

  /** Deferred: starts streaming what was held (nothing if already chosen). */
  private streamNow(): void {
    this.turnEnd = undefined;
    if (this.pending === undefined || this.closed) return;
    this.onstreaming?.();
    this.decide(this.openStream());
  }

  /** True while a deferred writer holds its events (body not chosen yet, not closed). */
  get holding(): boolean {
    return this.pending !== undefined && !this.closed;
  }

  /** True once closed by either side. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** True while a keep-alive timer runs for this stream. */
  get hasKeepAlive(): boolean {
    return this.keepAlive !== undefined;
  }

  private write(text: string, message = false): boolean {
    if (this.closed) return false;
    if (this.pending !== undefined) {
      this.pending += text;
      if (message) queueMicrotask(() => this.streamNow()); // a stream, unless closed in this tick
      return true;
    }
    if (!this.controller) return false;
    try {
      this.controller.enqueue(encoder.encode(text));
      return true;
    } catch {
      this.finish();
      return false;
    }
  }

  /**
   * Sends one JSON-RPC message as a `message` event. A progress or log notification is dropped
   * (false) while more than {@link SSE_DROP_BYTES} wait for the reader: they are superseded or
   * best effort, and a producer that awaits {@link SseWriter.ready} never gets there. `last`
   * closes the stream after it (a deferred writer then never considers streaming).
   */
  send(message: JSONRPCMessage, eventId?: string, last = false): boolean {
    if (
      'method' in message &&
      !('id' in message) &&
      DROPPABLE.has(message.method) &&
      this.backlog > SSE_DROP_BYTES
    ) {
      this.dropped++;
      return false;
    }
    const sent = this.write(
      `event: message\n${eventId ? `id: ${eventId}\n` : ''}data: ${JSON.stringify(message)}\n\n`,
      !last,
    );
    if (last) this.close();
    return sent;
  }

  /** Bytes written and not yet taken by the reader. */
  private get backlog(): number {
    const desired = this.controller?.desiredSize;
    return desired === undefined || desired === null ? 0 : SSE_HIGH_WATER_BYTES - desired;
  }

  /**
   * Resolves once the reader has room again (at most {@link SSE_HIGH_WATER_BYTES} queued), or the
   * stream closed: what `await ctx.reportProgress()` waits on, so a producer cannot outrun a
   * client that does not read.
   */
  ready(): Promise<void> {
    if (this.closed || !this.controller || this.backlog <= SSE_HIGH_WATER_BYTES)
      return Promise.resolve();
    if (!this.waiting) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.waiting = { promise, resolve };
    }
    return this.waiting.promise;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve();
  }

  /** Sends a named event with raw data (e.g. the legacy `endpoint` event). */
  sendEvent(event: string, data: string): boolean {
    return this.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  /** Sends the 2025-11-25 priming event: an id and empty data, plus an optional `retry`. */
  prime(eventId: string, retryMs?: number): boolean {
    return this.write(
      `id: ${eventId}\n${retryMs !== undefined ? `retry: ${retryMs}\n` : ''}data: \n\n`,
    );
  }

  /** Ends the stream. */
  close(): void {
    if (this.closed) return;
    if (this.pending !== undefined) {
      const body = this.pending;
      this.pending = undefined;
      if (this.turnEnd) clearImmediate(this.turnEnd);
      this.turnEnd = undefined;
      this.finish();
      this.decide(body);
      return;
    }
    try {
      this.controller?.close();
    } catch {
      // already closed by the reader
    }
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.wake();
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = undefined;
    this.release?.();
    this.onclose?.();
  }
}

/**
 * An SSE response for a writer's stream; `X-Accel-Buffering: no` keeps nginx from holding
 * events back. The headers object is fresh each time (servers may write into it).
 *
 * @example
 * return sseResponse(writer, { 'mcp-session-id': id });
 */
export function sseResponse(writer: SseWriter, headers?: Record<string, string>): Response {
  return sseResponseOf(writer.stream, headers);
}

/** An SSE response with a given body: a stream, or a whole event list as one string. */
export function sseResponseOf(
  body: string | ReadableStream<Uint8Array>,
  headers?: Record<string, string>,
): Response {
  const all: Record<string, string> = {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    ...headers,
  };
  // a whole event list (a reply ready at once) is a reply Node can be given as it is, with a
  // length and without the hints only a live stream needs (no proxy buffering, keep-alive)
  if (typeof body === 'string') return reply(body, 200, all);
  all.connection = 'keep-alive';
  all['x-accel-buffering'] = 'no';
  return new Response(body, { status: 200, headers: all });
}
