import type { JSONRPCMessage } from '../jsonrpc/messages';
import type { MessageExtra, Transport } from './Transport';

/**
 * One end of an in-memory connection; messages are delivered asynchronously (microtask),
 * structurally cloned so neither side can mutate the other's objects.
 *
 * @example
 * const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
 */
export class InMemoryTransport implements Transport {
  private peer?: InMemoryTransport;
  private queue: JSONRPCMessage[] = [];
  private started = false;
  private closed = false;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;
  /** Extra passed with every message this end receives (e.g. auth in tests). */
  extra?: MessageExtra;

  /** Two transports wired to each other. */
  static createLinkedPair(): [InMemoryTransport, InMemoryTransport] {
    const a = new InMemoryTransport();
    const b = new InMemoryTransport();
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  async start(): Promise<void> {
    this.started = true;
    const queued = this.queue;
    this.queue = [];
    for (const message of queued) this.onmessage?.(message, this.extra);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('Transport is closed');
    const peer = this.peer;
    if (!peer || peer.closed) throw new Error('Peer transport is closed');
    const copy = structuredClone(message);
    queueMicrotask(() => peer.deliver(copy));
  }

  private deliver(message: JSONRPCMessage): void {
    if (this.closed) return;
    if (!this.started) this.queue.push(message);
    else this.onmessage?.(message, this.extra);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
    await this.peer?.close();
  }
}
