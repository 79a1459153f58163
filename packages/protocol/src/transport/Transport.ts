import type { JSONRPCMessage, RequestId } from '../jsonrpc/messages';

/** What a transport knows about an incoming message besides the message itself. */
export interface MessageExtra {
  /** HTTP request headers (lower-case names), when the message came over HTTP. */
  headers?: Record<string, string>;
  /** Authentication details set by an auth middleware (e.g. `{ subject, scopes }`). */
  auth?: AuthInfo;
  /**
   * Ends the SSE stream that will carry this request's reply before the reply is ready (SSE
   * polling, 2025-11-25 transports): the reply and anything sent meanwhile are kept, and the client
   * gets them by reconnecting with `Last-Event-ID`. Present only where the transport can do it.
   */
  closeSseStream?: () => void;
  /**
   * Called by the dispatcher when it refuses the request before any handler ran (a 2026-07-28
   * request whose `_meta` or protocol version is invalid), so an HTTP transport answers with
   * `400 Bad Request` rather than `200`. Present only where the transport cares.
   */
  onrefused?: () => void;
}

/** The authenticated caller, as an auth middleware saw it. */
export interface AuthInfo {
  /** Stable identifier of the subject (e.g. the token's `sub`). */
  subject?: string;
  /** Granted scopes. */
  scopes?: string[];
  /** The raw token. */
  token?: string;
  /** The OAuth client the token was issued to (`client_id` / `azp`). */
  clientId?: string;
  /** When the token expires, in seconds since the epoch. */
  expiresAt?: number;
  /**
   * The resource (audience) the token was issued for, when the verifier did not check it itself:
   * the resource guard then refuses a token for another resource.
   */
  resource?: string;
  /** Every claim of the token (JWT claims or the introspection response). */
  claims?: Record<string, unknown>;
  /** Anything else the middleware recorded. */
  extra?: Record<string, unknown>;
}

/** Options for {@link Transport.send}. */
export interface TransportSendOptions {
  /**
   * The incoming request this message belongs to (a progress notification, a log message,
   * a server-to-client request, or the response itself). HTTP uses it to pick the stream.
   */
  relatedRequestId?: RequestId;
}

/**
 * Moves JSON-RPC messages between two peers. One per connection; framing (newline-delimited
 * JSON, HTTP bodies, SSE) lives in the implementation, never in the Session.
 *
 * @example
 * transport.onmessage = (message) => console.log(message);
 * await transport.start();
 * await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
 */
export interface Transport {
  /** Starts delivering messages to {@link Transport.onmessage}. */
  start(): Promise<void>;
  /** Sends one message. Writes never interleave. */
  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void>;
  /** Closes the connection; {@link Transport.onclose} fires once. */
  close(): Promise<void>;
  /** Called for every valid incoming message. */
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  /** Called for errors that do not close the transport (a malformed line, a failed write). */
  onerror?: (error: Error) => void;
  /** Called once when the connection is closed, by either side. */
  onclose?: () => void;
  /**
   * Set by the session's owner: true while JSON-RPC batches are accepted (a 2025-03-26 session).
   * Transports that can receive a batch ask it; without it every batch is refused with -32600.
   */
  acceptsBatches?: () => boolean;
  /**
   * Resolves at the peer's first sign of life (a spawned server's first byte), or when the
   * connection closes. The client's era probe counts its timeout from then, so a server that
   * takes seconds to start (ts-node) is not mistaken for one that ignores the probe. Transports
   * whose peer is up once `start()` resolves (HTTP) leave it out.
   */
  peerReady?(): Promise<void>;
  /**
   * Optional: takes the session that owns this transport, which then assigns none of
   * `onmessage`, `onclose`, `onerror` and `acceptsBatches`; the transport calls the receiver
   * instead. Meant for a transport built per request (a stateless HTTP exchange): each of those
   * callbacks is a new closure per connection, and V8 keeps closures stored per request alive
   * through young collections together with everything they reach (see docs/benchmarks.md).
   */
  attach?(receiver: TransportReceiver): void;
}

/**
 * What a transport that implements {@link Transport.attach} delivers to (a `Session` is one).
 *
 * @example
 * class MyTransport implements Transport {
 *   private receiver?: TransportReceiver;
 *   attach(receiver: TransportReceiver) { this.receiver = receiver; }
 *   // on a message: this.receiver?.receive(message); on close: this.receiver?.transportClosed();
 * }
 */
export interface TransportReceiver {
  /** One valid incoming message (as `onmessage`). */
  receive(message: JSONRPCMessage, extra?: MessageExtra): void;
  /** The connection closed, by either side (as `onclose`). */
  transportClosed(): void;
  /** An error that does not close the transport (as `onerror`). */
  transportError(error: Error): void;
  /** True while JSON-RPC batches are accepted (as `acceptsBatches`). */
  acceptsBatches(): boolean;
}
