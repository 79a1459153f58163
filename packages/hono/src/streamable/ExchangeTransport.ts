import type {
  JSONRPCMessage,
  MessageExtra,
  Transport,
  TransportSendOptions,
} from '@typemcp/protocol';

/**
 * A transport whose outgoing messages go to a callback: one per stateless exchange, or one per
 * legacy session (the callback routes each message to its stream).
 */
export class ExchangeTransport implements Transport {
  private closed = false;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;
  /** Called once after close, whoever else listens to onclose (the Session does). */
  onclosed?: () => void;

  /** `sink` may return a promise: `send` then resolves once the message's stream has room again. */
  constructor(
    private readonly sink: (
      message: JSONRPCMessage,
      options?: TransportSendOptions,
    ) => void | Promise<void>,
  ) {}

  async start(): Promise<void> {}

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The HTTP exchange is closed'));
    return this.sink(message, options) ?? Promise.resolve();
  }

  /** Delivers an incoming message to the session. */
  receive(message: JSONRPCMessage, extra?: MessageExtra): void {
    this.onmessage?.(message, extra);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
    this.onclosed?.();
  }
}
