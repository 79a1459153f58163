import type {
  JSONRPCMessage,
  MessageExtra,
  Transport,
  TransportReceiver,
  TransportSendOptions,
} from '@typemcp/protocol';

/**
 * A transport whose outgoing messages go to a callback: one per stateless exchange, or one per
 * legacy session (the callback routes each message to its stream). Incoming messages and the
 * close go to the Session that attached itself ({@link Transport.attach}): no callback closure
 * per connection, which matters for the stateless path that builds one per request (V8 keeps
 * closures stored per request alive through young collections with everything they reach; see
 * docs/benchmarks.md). Batches never reach it (the HTTP engine reads one message per POST).
 *
 * @example
 * const transport = new ExchangeTransport((message) => reply(message));
 * new ServerConnection(server, transport); // its Session attaches itself
 * transport.receive(request, extra);
 */
export class ExchangeTransport implements Transport {
  private closed = false;
  private receiver?: TransportReceiver;
  /** Called once after close, after the Session heard of it. */
  onclosed?: () => void;

  /** `sink` may return a promise: `send` then resolves once the message's stream has room again. */
  constructor(
    private readonly sink: (
      message: JSONRPCMessage,
      options?: TransportSendOptions,
    ) => void | Promise<void>,
  ) {}

  /** Called by the Session: incoming messages and the close go to it. */
  attach(receiver: TransportReceiver): void {
    this.receiver = receiver;
  }

  async start(): Promise<void> {}

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The HTTP exchange is closed'));
    return this.sink(message, options) ?? Promise.resolve();
  }

  /** Delivers an incoming message to the session. */
  receive(message: JSONRPCMessage, extra?: MessageExtra): void {
    this.receiver?.receive(message, extra);
  }

  /** Closes the exchange: the Session fails what it awaits and aborts its handlers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.receiver?.transportClosed();
    this.onclosed?.();
  }
}
