import type {
  JSONRPCMessage,
  MessageExtra,
  Session,
  Transport,
  TransportSendOptions,
} from '@typemcp/protocol';

/**
 * The transport of one stateless exchange (a 2026-07-28 request, or a `statelessLegacy` POST):
 * outgoing messages go to `sink`; the incoming request and the close go straight to the
 * connection's {@link Session} (see {@link StatelessTransport.deliverTo}).
 *
 * The callbacks a Session assigns to its transport (`onmessage`, `onclose`, `onerror`) and
 * `acceptsBatches` are accepted and ignored: each is a new closure per request, and V8 keeps
 * closures stored per request alive through young collections together with everything they
 * reach (here the request's whole object graph: measured, most of the server's garbage-collection
 * time). Batches never reach an exchange (the HTTP engine reads one message per POST).
 *
 * @example
 * const transport = new StatelessTransport((message) => reply(message));
 * const connection = new ServerConnection(server, transport);
 * transport.deliverTo(connection.session);
 * transport.receive(request, extra);
 */
export class StatelessTransport implements Transport {
  private closed = false;
  private session?: Session;

  /** `sink` may return a promise: `send` then resolves once the message's stream has room again. */
  constructor(
    private readonly sink: (
      message: JSONRPCMessage,
      options?: TransportSendOptions,
    ) => void | Promise<void>,
  ) {}

  /** The Session incoming messages and the close are delivered to. */
  deliverTo(session: Session): void {
    this.session = session;
  }

  /** Ignored (see the class comment): messages go to the Session given to `deliverTo`. */
  get onmessage(): undefined {
    return undefined;
  }
  set onmessage(_handler: ((message: JSONRPCMessage, extra?: MessageExtra) => void) | undefined) {}

  /** Ignored (see the class comment): closing tells the Session directly. */
  get onclose(): undefined {
    return undefined;
  }
  set onclose(_handler: (() => void) | undefined) {}

  /** Ignored: this transport reports no errors of its own. */
  get onerror(): undefined {
    return undefined;
  }
  set onerror(_handler: ((error: Error) => void) | undefined) {}

  /** Ignored: an exchange never receives a batch. */
  get acceptsBatches(): undefined {
    return undefined;
  }
  set acceptsBatches(_accepts: (() => boolean) | undefined) {}

  async start(): Promise<void> {}

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The HTTP exchange is closed'));
    return this.sink(message, options) ?? Promise.resolve();
  }

  /** Delivers the incoming request to the session. */
  receive(message: JSONRPCMessage, extra?: MessageExtra): void {
    this.session?.receive(message, extra);
  }

  /** Closes the exchange: the Session then fails what it awaits and aborts its handlers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.session?.close(); // calls close() again (a no-op now), then ends the session
  }
}
