import { Session } from '@typemcp/protocol';
import type {
  ClientCapabilities,
  Implementation,
  IncomingRequestContext,
  JSONRPCNotification,
  JSONRPCParams,
  JSONRPCRequest,
  MessageExtra,
  LoggingLevel,
  ProtocolEra,
  RequestOptions,
  SessionOptions,
  Transport,
} from '@typemcp/protocol';

/** What a {@link ServerConnection} needs from the server it serves (the low-level `Server` is one). */
export interface ConnectionHost {
  readonly options: { readonly maxConcurrentRequests?: number };
  handleRequest(
    connection: ServerConnection,
    request: JSONRPCRequest,
    incoming: IncomingRequestContext,
  ): Promise<Record<string, unknown>>;
  handleNotification(
    connection: ServerConnection,
    notification: JSONRPCNotification,
    extra?: MessageExtra,
  ): void;
  reportError(error: Error): void;
  forget(connection: ServerConnection): void;
}

/**
 * What a connection's {@link Session} reports, as methods of one object rather than closures in
 * an object literal: a stateless server builds a connection per request, and V8 keeps closures
 * stored per request alive through young collections (measured: the whole request graph
 * promoted, a third of the server's CPU spent collecting it).
 */
class ConnectionEvents implements SessionOptions {
  readonly maxConcurrentRequests?: number;

  constructor(
    private readonly connection: ServerConnection,
    readonly defaultTimeoutMs: number | undefined,
  ) {
    this.maxConcurrentRequests = connection.server.options.maxConcurrentRequests;
  }

  onrequest(
    request: JSONRPCRequest,
    context: IncomingRequestContext,
  ): Promise<Record<string, unknown>> {
    return this.connection.server.handleRequest(this.connection, request, context);
  }

  onnotification(notification: JSONRPCNotification, extra?: MessageExtra): void {
    this.connection.server.handleNotification(this.connection, notification, extra);
  }

  onerror(error: Error): void {
    this.connection.server.reportError(error);
  }

  acceptsBatches(): boolean {
    return this.connection.legacyVersion === '2025-03-26';
  }

  onclose(): void {
    const connection = this.connection;
    connection.server.forget(connection);
    for (const listener of connection.closeListeners) listener();
    connection.closeListeners.clear();
  }
}

/**
 * One connection to a server: a stdio process, an HTTP session, or one stateless HTTP
 * exchange. Holds the legacy session state (negotiated version, client capabilities, log level,
 * resource subscriptions); modern requests carry their own state and use none of it.
 */
export class ServerConnection {
  /** The JSON-RPC engine of this connection. */
  readonly session: Session;
  /** The version negotiated by `initialize`; `undefined` until then (and for modern-only use). */
  legacyVersion?: string;
  /** True once `notifications/initialized` arrived. */
  initialized = false;
  /** Capabilities the client declared in `initialize`. */
  clientCapabilities: ClientCapabilities = {};
  /** The client's identity from `initialize`. */
  clientInfo?: Implementation;
  /** Minimum level of `notifications/message` (legacy `logging/setLevel`). */
  logLevel: LoggingLevel = 'debug';
  /** Resource URIs this legacy client subscribed to. */
  readonly subscriptions = new Set<string>();
  /** URL-mode elicitations this client was sent and not yet told are complete (2025-11-25). */
  readonly urlElicitations = new Set<string>();
  /** Told once when the connection closes (the transport's owner, tasks tied to this session...). */
  readonly closeListeners = new Set<() => void>();
  /**
   * Awaited after the legacy session state changed (log level, subscriptions) and before the
   * request that changed it is answered: a cluster saves the session here for the other nodes.
   */
  stateChanged?: () => Promise<void>;
  /**
   * The session's id when the nodes of a cluster share it: they deliver its server-wide
   * notifications, and tasks bound to the session are found from any node.
   */
  sharedId?: string;

  constructor(
    readonly server: ConnectionHost,
    transport: Transport,
    options: { defaultTimeoutMs?: number } = {},
  ) {
    // the Session wires the transport (or attaches itself to it: Transport.attach)
    this.session = new Session(transport, new ConnectionEvents(this, options.defaultTimeoutMs));
  }

  /** The era this connection was opened in: legacy after `initialize`, else modern. */
  get era(): ProtocolEra {
    return this.legacyVersion ? 'legacy' : 'modern';
  }

  /** Sends a notification on this connection (not related to any request). */
  notify(method: string, params?: JSONRPCParams): Promise<void> {
    return this.session.notify(method, params);
  }

  /** Sends a server-to-client request (legacy sessions only). */
  request<T = Record<string, unknown>>(
    method: string,
    params?: JSONRPCParams,
    options?: RequestOptions,
  ): Promise<T> {
    return this.session.request<T>(method, params, options);
  }

  /** Closes the connection. */
  close(): Promise<void> {
    return this.session.close();
  }
}
