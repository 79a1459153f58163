import type {
  JSONRPCMessage,
  MessageExtra,
  Transport,
  TransportReceiver,
  TransportSendOptions,
} from '@typemcp/protocol';

/**
 * The transport of one stateless exchange (a 2026-07-28 request, or a `statelessLegacy` POST):
 * outgoing messages go to `sink`; the incoming request and the close go to the Session that
 * attached itself ({@link Transport.attach}), so no callback closure is created per request (V8
 * keeps such closures alive through young collections with the request's whole object graph:
 * see docs/benchmarks.md). Batches never reach an exchange (the HTTP engine reads one message
 * per POST).
 *
 * @example
 * const transport = new StatelessTransport((message) => reply(message));
 * new ServerConnection(server, transport); // its Session attaches itself
 * transport.receive(request, extra);
 */
export class StatelessTransport implements Transport {
  private closed = false;
  private receiver?: TransportReceiver;

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

  /** Delivers the incoming request to the session. */
  receive(message: JSONRPCMessage, extra?: MessageExtra): void {
    this.receiver?.receive(message, extra);
  }

  /** Closes the exchange: the Session fails what it awaits and aborts its handlers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.receiver?.transportClosed();
  }
}
