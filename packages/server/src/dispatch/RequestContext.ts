import type {
  AuthInfo,
  ClientCapabilities,
  Implementation,
  LoggingLevel,
  RequestId,
  RequestOptions,
  ProtocolEra,
} from '@typemcp/protocol';
import type { InputState } from '../mrtr/InputState';
import type { ServerConnection } from './ServerConnection';

/**
 * What a low-level request handler knows about the request besides its params: who asked,
 * in which protocol era, and how to talk back on this request.
 */
export interface RequestContext {
  /** The JSON-RPC id of the request. */
  readonly requestId: RequestId;
  /** `legacy` (initialize handshake, session) or `modern` (2026-07-28, stateless). */
  readonly era: ProtocolEra;
  /** The protocol version this request is served under. */
  readonly protocolVersion: string;
  /** The client's capabilities (from `initialize`, or from this request's `_meta`). */
  readonly clientCapabilities: ClientCapabilities;
  /** The client's identity, when it sent one. */
  readonly clientInfo?: Implementation;
  /** The request's `_meta`, as sent. */
  readonly meta: Readonly<Record<string, unknown>>;
  /** Aborted when the client cancels the request or goes away. */
  readonly signal: AbortSignal;
  /** The connection (stdio process, HTTP session or stateless exchange) the request came on. */
  readonly connection: ServerConnection;
  /** The authenticated caller, when an auth middleware set one. */
  readonly auth?: AuthInfo;
  /** HTTP request headers (lower-case), when the request came over HTTP. */
  readonly headers?: Record<string, string>;
  /** True while the handler runs as a task (io.modelcontextprotocol/tasks). */
  readonly taskMode?: boolean;
  /** Answers and questions of a multi round-trip request (2026-07-28 tools/call, prompts/get, resources/read). */
  readonly input?: InputState;
  /** The lowest level of log message the client wants for this request, or `undefined` for none. */
  readonly logLevel: LoggingLevel | undefined;
  /**
   * Ends the SSE stream of this request early (2025-11-25 Streamable HTTP with resumability): the
   * reply comes later on the stream the client resumes with `Last-Event-ID`. Returns false, doing
   * nothing, where the transport cannot (stdio, JSON replies, the modern era).
   */
  closeSseStream?(): boolean;
  /** Sends `notifications/progress` if the request carried a progressToken; otherwise does nothing. */
  sendProgress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends `notifications/message` if `level` is at or above the client's level. */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void>;
  /** Sends a notification related to this request. */
  sendNotification(method: string, params?: Record<string, unknown>): Promise<void>;
  /**
   * Sends a server-to-client request related to this request (legacy era only; a modern
   * request gets a local error — use MRTR there).
   */
  sendRequest<T = Record<string, unknown>>(
    method: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<T>;
}

/** Severity order of logging levels (RFC 5424), least severe first. */
export const LOG_LEVEL_ORDER: Record<LoggingLevel, number> = {
  debug: 0,
  info: 1,
  notice: 2,
  warning: 3,
  error: 4,
  critical: 5,
  alert: 6,
  emergency: 7,
};

/** True when a message at `level` reaches a client whose minimum is `min` (none without one). */
export function logPasses(level: LoggingLevel, min: LoggingLevel | undefined): boolean {
  return min !== undefined && LOG_LEVEL_ORDER[level] >= LOG_LEVEL_ORDER[min];
}

/** Params of `notifications/progress`. */
export function progressParams(
  progressToken: unknown,
  progress: number,
  total?: number,
  message?: string,
): Record<string, unknown> {
  const params: Record<string, unknown> = { progressToken, progress };
  if (total !== undefined) params.total = total;
  if (message !== undefined) params.message = message;
  return params;
}

/** Params of `notifications/message`. */
export function logParams(
  level: LoggingLevel,
  data: unknown,
  logger?: string,
): Record<string, unknown> {
  return logger === undefined ? { level, data } : { level, data, logger };
}
