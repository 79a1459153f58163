import type {
  ClientCapabilities,
  Implementation,
  IncomingRequestContext,
  LoggingLevel,
  ProtocolEra,
  RequestOptions,
} from '@typemcp/protocol';
import type { InputState } from '../mrtr/InputState';
import type { RequestContext } from './RequestContext';
import { LOG_LEVEL_ORDER } from './RequestContext';
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

/** Builds the {@link RequestContext} of one incoming request. */
export function createRequestContext(
  connection: ServerConnection,
  incoming: IncomingRequestContext,
  facts: RequestFacts,
): RequestContext {
  const session = connection.session;
  const requestId = incoming.requestId;
  const related = { relatedRequestId: requestId };
  const progressToken = facts.meta.progressToken;
  let lastProgress = -Infinity;
  const extra = incoming.transportExtra;
  return {
    requestId,
    era: facts.era,
    protocolVersion: facts.protocolVersion,
    clientCapabilities: facts.clientCapabilities,
    clientInfo: facts.clientInfo,
    meta: facts.meta,
    get signal() {
      return incoming.signal; // created on first use
    },
    connection,
    auth: extra?.auth,
    headers: extra?.headers,
    logLevel: facts.logLevel,
    input: facts.input,
    sendProgress(progress, total, message) {
      if (progressToken === undefined || incoming.cancelled) return Promise.resolve();
      if (!(progress > lastProgress)) return Promise.resolve(); // progress MUST increase
      lastProgress = progress;
      const params: Record<string, unknown> = { progressToken, progress };
      if (total !== undefined) params.total = total;
      if (message !== undefined) params.message = message;
      return session.notify('notifications/progress', params, related);
    },
    log(level, data, logger) {
      const min = facts.era === 'legacy' ? connection.logLevel : facts.logLevel;
      if (min === undefined || LOG_LEVEL_ORDER[level] < LOG_LEVEL_ORDER[min] || incoming.cancelled) {
        return Promise.resolve();
      }
      const params: Record<string, unknown> = { level, data };
      if (logger !== undefined) params.logger = logger;
      return session.notify('notifications/message', params, related);
    },
    sendNotification(method, params) {
      return session.notify(method, params, related);
    },
    sendRequest<T>(method: string, params?: Record<string, unknown>, options?: RequestOptions): Promise<T> {
      if (facts.era === 'modern') {
        return Promise.reject(
          new Error(
            `Cannot send ${method} to the client: protocol ${facts.protocolVersion} forbids server-to-client ` +
              'requests; ask through an InputRequiredResult (multi round-trip request) instead',
          ),
        );
      }
      return session.request<T>(method, params, { ...options, relatedRequestId: requestId });
    },
  };
}
