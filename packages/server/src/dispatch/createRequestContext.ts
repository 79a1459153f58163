import type {
  AuthInfo,
  ClientCapabilities,
  Implementation,
  IncomingRequestContext,
  LoggingLevel,
  ProtocolEra,
  RequestId,
  RequestOptions,
} from '@typemcp/protocol';
import type { InputState } from '../mrtr/InputState';
import type { RequestContext } from './RequestContext';
import { logParams, logPasses, progressParams } from './RequestContext';
import type { ServerConnection } from './ServerConnection';

/** The era-specific facts a request context is built from. */
export interface RequestFacts {
  era: ProtocolEra;
  protocolVersion: string;
  clientCapabilities: ClientCapabilities;
  clientInfo?: Implementation;
  meta: Record<string, unknown>;
  logLevel: LoggingLevel | undefined;
  input?: InputState;
}

/**
 * The {@link RequestContext} of a request that arrived on a connection. A class rather than an
 * object of closures: one allocation per request on the hot path, methods on the prototype.
 */
class SessionRequestContext implements RequestContext {
  readonly requestId: RequestId;
  readonly era: ProtocolEra;
  readonly protocolVersion: string;
  readonly clientCapabilities: ClientCapabilities;
  readonly clientInfo?: Implementation;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly auth?: AuthInfo;
  readonly logLevel: LoggingLevel | undefined;
  readonly input?: InputState;
  private lastProgress = -Infinity;

  constructor(
    readonly connection: ServerConnection,
    private readonly incoming: IncomingRequestContext,
    facts: RequestFacts,
  ) {
    this.requestId = incoming.requestId;
    this.era = facts.era;
    this.protocolVersion = facts.protocolVersion;
    this.clientCapabilities = facts.clientCapabilities;
    this.clientInfo = facts.clientInfo;
    this.meta = facts.meta;
    this.logLevel = facts.logLevel;
    this.input = facts.input;
    this.auth = incoming.transportExtra?.auth;
  }

  /** Read through, so a transport that copies headers lazily copies them only if a handler looks. */
  get headers(): Record<string, string> | undefined {
    return this.incoming.transportExtra?.headers;
  }

  get signal(): AbortSignal {
    return this.incoming.signal; // created on first use
  }

  closeSseStream(): boolean {
    const close = this.incoming.transportExtra?.closeSseStream;
    if (!close) return false;
    close();
    return true;
  }

  sendProgress(progress: number, total?: number, message?: string): Promise<void> {
    const progressToken = this.meta.progressToken;
    if (progressToken === undefined || this.incoming.cancelled) return Promise.resolve();
    if (!(progress > this.lastProgress)) return Promise.resolve(); // progress MUST increase
    this.lastProgress = progress;
    return this.sendNotification(
      'notifications/progress',
      progressParams(progressToken, progress, total, message),
    );
  }

  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    const min = this.era === 'legacy' ? this.connection.logLevel : this.logLevel;
    if (!logPasses(level, min) || this.incoming.cancelled) return Promise.resolve();
    return this.sendNotification('notifications/message', logParams(level, data, logger));
  }

  sendNotification(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.connection.session.notify(method, params, { relatedRequestId: this.requestId });
  }

  sendRequest<T>(
    method: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<T> {
    if (this.era === 'modern') {
      return Promise.reject(
        new Error(
          `Cannot send ${method} to the client: protocol ${this.protocolVersion} forbids server-to-client ` +
            'requests; ask through an InputRequiredResult (multi round-trip request) instead',
        ),
      );
    }
    return this.connection.session.request<T>(method, params, {
      ...options,
      relatedRequestId: this.requestId,
    });
  }
}

/** Builds the {@link RequestContext} of one incoming request. */
export function createRequestContext(
  connection: ServerConnection,
  incoming: IncomingRequestContext,
  facts: RequestFacts,
): RequestContext {
  return new SessionRequestContext(connection, incoming, facts);
}
