import type { JSONRPCMessage } from '@typemcp/protocol';

const encoder = new TextEncoder();

/**
 * Writes Server-Sent Events to a web `ReadableStream`: messages, the priming event, `retry`,
 * keep-alive comments. Closing it (or the client going away) stops its keep-alive timer and
 * runs `release` (the engine's stream count) and then `onclose`, once.
 */
export class SseWriter {
  readonly stream: ReadableStream<Uint8Array>;
  private controller?: ReadableStreamDefaultController<Uint8Array>;
  private closed = false;
  private keepAlive?: ReturnType<typeof setInterval>;
  onclose?: () => void;

  constructor(
    keepAliveMs?: number,
    private readonly release?: () => void,
  ) {
    this.stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
      },
      cancel: () => this.finish(),
    });
    if (keepAliveMs && keepAliveMs > 0) {
      this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), keepAliveMs);
      this.keepAlive.unref?.();
    }
  }

  /** True once closed by either side. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** True while a keep-alive timer runs for this stream. */
  get hasKeepAlive(): boolean {
    return this.keepAlive !== undefined;
  }

  private write(text: string): boolean {
    if (this.closed || !this.controller) return false;
    try {
      this.controller.enqueue(encoder.encode(text));
      return true;
    } catch {
      this.finish();
      return false;
    }
  }

  /** Sends one JSON-RPC message as a `message` event. */
  send(message: JSONRPCMessage, eventId?: string): boolean {
    return this.write(`event: message\n${eventId ? `id: ${eventId}\n` : ''}data: ${JSON.stringify(message)}\n\n`);
  }

  /** Sends a named event with raw data (e.g. the legacy `endpoint` event). */
  sendEvent(event: string, data: string): boolean {
    return this.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  /** Sends the 2025-11-25 priming event: an id and empty data, plus an optional `retry`. */
  prime(eventId: string, retryMs?: number): boolean {
    return this.write(`id: ${eventId}\n${retryMs !== undefined ? `retry: ${retryMs}\n` : ''}data: \n\n`);
  }

  /** Ends the stream. */
  close(): void {
    if (this.closed) return;
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
  return new Response(writer.stream, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...headers,
    },
  });
}
