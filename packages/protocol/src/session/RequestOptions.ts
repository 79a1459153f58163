import type { JSONRPCParams, RequestId } from '../jsonrpc/messages';

/** Default time an outgoing request waits for its response. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** A progress update received for an outgoing request. */
export interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

/** Options of one outgoing request. */
export interface RequestOptions {
  /** How long to wait for the response (default 60 s). */
  timeoutMs?: number;
  /** Restart the timeout whenever a progress notification arrives. */
  resetTimeoutOnProgress?: boolean;
  /** Hard cap on the total wait, even with {@link RequestOptions.resetTimeoutOnProgress}. */
  maxTotalTimeoutMs?: number;
  /** Aborting sends `notifications/cancelled` and rejects the call. */
  signal?: AbortSignal;
  /** Receives `notifications/progress` for this request; setting it adds a `progressToken`. */
  onprogress?: (progress: Progress) => void;
  /** The incoming request this one is made on behalf of (routes it to that stream on HTTP). */
  relatedRequestId?: RequestId;
}

/** Options of one outgoing notification. */
export interface NotificationOptions {
  /** The incoming request this notification belongs to. */
  relatedRequestId?: RequestId;
}

/** Params with an optional `_meta`, as every MCP request has. */
export type ParamsWithMeta = JSONRPCParams & { _meta?: { [key: string]: unknown } };
