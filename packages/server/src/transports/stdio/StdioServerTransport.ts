import {
  BatchCollector,
  ErrorCode,
  LineDecoder,
  batchRefused,
  decodeMessage,
} from '@typemcp/protocol';
import type {
  JSONRPCMessage,
  MessageExtra,
  Transport,
  TransportSendOptions,
} from '@typemcp/protocol';
import type { Readable, Writable } from 'node:stream';

/** Options of {@link StdioServerTransport}. */
export interface StdioServerTransportOptions {
  /** Where messages come from (default `process.stdin`). */
  input?: Readable;
  /** Where messages go (default `process.stdout`); nothing else is ever written there. */
  output?: Writable;
  /** Largest accepted message in bytes (default 64 MiB); a larger one gets -32600. */
  maxMessageBytes?: number;
  /**
   * How long a reply waits after its request's last notification left (default 20 ms), so the
   * client reads them apart: the official 1.x client drops progress read in the same chunk as
   * the result. Only replies of requests that just sent a notification wait.
   */
  notificationGapMs?: number;
}

/**
 * The server side of stdio: newline-delimited JSON-RPC on stdin/stdout. A malformed line is
 * answered with -32700 (or -32600) and the server keeps reading; stdin EOF closes it.
 *
 * @example
 * await server.connect(new StdioServerTransport());
 */
export class StdioServerTransport implements Transport {
  private readonly input: Readable;
  private readonly output: Writable;
  private readonly decoder: LineDecoder;
  private readonly gapMs: number;
  /** When the last notification of each request still running left (bounded by requests in flight). */
  private readonly notifiedAt = new Map<string | number, number>();
  private closed = false;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  constructor(options: StdioServerTransportOptions = {}) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    const max = options.maxMessageBytes ?? 64 * 1024 * 1024;
    this.gapMs = options.notificationGapMs ?? 20;
    this.decoder = new LineDecoder(
      (line) => this.handleLine(line),
      max,
      (bytes) => {
        this.writeRaw({
          jsonrpc: '2.0',
          error: {
            code: ErrorCode.InvalidRequest,
            message: `Message of ${bytes} bytes exceeds the limit of ${max} bytes`,
          },
        });
      },
    );
  }

  private readonly ondata = (chunk: Buffer | string) => {
    this.decoder.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  };
  private readonly onend = () => void this.close();
  private readonly oninputerror = (error: Error) => this.onerror?.(error);
  private readonly onoutputerror = (error: Error) => {
    this.onerror?.(error);
    void this.close();
  };

  async start(): Promise<void> {
    this.input.on('data', this.ondata);
    this.input.on('end', this.onend);
    this.input.on('close', this.onend);
    this.input.on('error', this.oninputerror);
    this.output.on('error', this.onoutputerror);
  }

  /** Batches being answered (2025-03-26), by the ids of their requests. */
  private readonly batches = new Set<BatchCollector>();
  acceptsBatches?: () => boolean;

  private handleLine(line: string): void {
    const first = line.charCodeAt(0);
    if (first === 91 /* [ */ || (first <= 32 && line.trimStart().startsWith('['))) {
      this.handleBatch(line);
      return;
    }
    const decoded = decodeMessage(line);
    if (decoded.ok) this.onmessage?.(decoded.message);
    else this.writeRaw(decoded.response);
  }

  private handleBatch(line: string): void {
    let members: unknown;
    try {
      members = JSON.parse(line);
    } catch {
      this.writeRaw({
        jsonrpc: '2.0',
        error: { code: ErrorCode.ParseError, message: 'Parse error: invalid JSON' },
      } as JSONRPCMessage);
      return;
    }
    if (!Array.isArray(members) || members.length === 0) {
      this.writeRaw(
        batchRefused(
          Array.isArray(members) ? 'an empty batch' : 'not a request, notification or response',
        ),
      );
      return;
    }
    if (!this.acceptsBatches?.()) {
      this.writeRaw(batchRefused('JSON-RPC batches are accepted only in a 2025-03-26 session'));
      return;
    }
    const batch = new BatchCollector(members, (responses) => {
      this.batches.delete(batch);
      this.writeLine(JSON.stringify(responses));
    });
    this.batches.add(batch);
    for (const message of batch.messages) this.onmessage?.(message);
    batch.done();
    if (batch.finished) this.batches.delete(batch);
  }

  private drained?: Promise<void>;
  private corked = false;
  private readonly uncork = () => {
    this.corked = false;
    this.output.uncork();
  };

  private writeRaw(message: JSONRPCMessage): boolean {
    if (this.batches.size > 0)
      for (const batch of this.batches) if (batch.take(message)) return true;
    // Messages written in the same tick leave in one writev: far fewer syscalls under load.
    return this.writeLine(JSON.stringify(message));
  }

  private writeLine(text: string): boolean {
    if (this.closed) return true;
    if (!this.corked) {
      this.corked = true;
      this.output.cork();
      process.nextTick(this.uncork);
    }
    return this.output.write(text + '\n');
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) return Promise.reject(new Error('stdio transport is closed'));
    const related = options?.relatedRequestId;
    if (related !== undefined && !('id' in message)) return this.flush(message, related);
    if (related !== undefined && 'id' in message && this.notifiedAt.size > 0) {
      const at = this.notifiedAt.get(related);
      if (at !== undefined) {
        this.notifiedAt.delete(related);
        const wait = at + this.gapMs - performance.now();
        if (wait > 0)
          return new Promise((resolve) => setTimeout(resolve, wait)).then(() => this.send(message));
      }
    }
    if (this.writeRaw(message)) return Promise.resolve();
    // one shared wait for every write made while the pipe is full (not a listener per write)
    return (this.drained ??= new Promise<void>((resolve) =>
      this.output.once('drain', () => {
        this.drained = undefined;
        resolve();
      }),
    ));
  }

  /**
   * A request's notification (progress, a log) leaves in its own write, and the promise settles
   * once it has been handed to the OS: `await ctx.reportProgress()` then means the client can read
   * it before the result. (The official 1.x client runs notification handlers a microtask after
   * reading them; a result read in the same chunk removes the progress handler first.)
   */
  private flush(message: JSONRPCMessage, related: string | number): Promise<void> {
    if (this.batches.size > 0)
      for (const batch of this.batches) if (batch.take(message)) return Promise.resolve();
    if (this.corked) this.uncork(); // what was written before goes first, on its own
    return new Promise<void>((resolve) => {
      this.output.write(JSON.stringify(message) + '\n', () => {
        if (this.gapMs > 0) this.noteNotification(related);
        resolve();
      });
    });
  }

  private noteNotification(related: string | number): void {
    const now = performance.now();
    // a cancelled request sends no reply: forget entries whose wait is over once there are many
    if (this.notifiedAt.size >= 1024)
      for (const [id, at] of this.notifiedAt)
        if (at + this.gapMs <= now) this.notifiedAt.delete(id);
    this.notifiedAt.set(related, now);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.ondata);
    this.input.off('end', this.onend);
    this.input.off('close', this.onend);
    this.input.off('error', this.oninputerror);
    this.output.off('error', this.onoutputerror);
    if (this.input === process.stdin) this.input.pause();
    this.onclose?.();
  }
}
