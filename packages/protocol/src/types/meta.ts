/**
 * Keys the spec reserves inside `_meta`, and the shapes of the `_meta` objects that use them.
 */
import type { Implementation, LoggingLevel, Meta, ProgressToken, RequestId } from './base';
import type { ClientCapabilities } from './capabilities';

/** Request `_meta` key: the protocol version of this request (2026-07-28, required). */
export const META_PROTOCOL_VERSION = 'io.modelcontextprotocol/protocolVersion';
/** Request `_meta` key: the client's capabilities for this request (2026-07-28, required). */
export const META_CLIENT_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';
/** Request `_meta` key: the client's identity (2026-07-28, should be sent). */
export const META_CLIENT_INFO = 'io.modelcontextprotocol/clientInfo';
/** Request `_meta` key: the lowest log level wanted for this request (2026-07-28, deprecated). */
export const META_LOG_LEVEL = 'io.modelcontextprotocol/logLevel';
/** Result `_meta` key: the server's identity (2026-07-28, should be sent). */
export const META_SERVER_INFO = 'io.modelcontextprotocol/serverInfo';
/**
 * Notification and `subscriptions/listen` result `_meta` key: id of the `subscriptions/listen`
 * request whose stream carries the message (2026-07-28).
 */
export const META_SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';
/** `_meta` key: the task a message belongs to, as {@link RelatedTaskMeta} (2025-11-25 tasks). */
export const META_RELATED_TASK = 'io.modelcontextprotocol/related-task';

/** The `_meta` of a 2026-07-28 request: version and capabilities travel with every request. */
export interface RequestMeta extends Meta {
  /** Out-of-band progress requested under this token (both eras). */
  progressToken?: ProgressToken;
  /** Protocol version of this request; over HTTP it matches `MCP-Protocol-Version`. */
  [META_PROTOCOL_VERSION]: string;
  /** Capabilities of the client for this request only; `{}` means none. */
  [META_CLIENT_CAPABILITIES]: ClientCapabilities;
  /** Self-reported client identity, for display and logs only. */
  [META_CLIENT_INFO]?: Implementation;
  /** Opt-in to `notifications/message` at this level and above; absent means no logs. */
  [META_LOG_LEVEL]?: LoggingLevel;
}

/** The `_meta` of a 2026-07-28 notification. */
export interface NotificationMeta extends Meta {
  /** Set on every notification delivered on a `subscriptions/listen` stream. */
  [META_SUBSCRIPTION_ID]?: RequestId;
}

/** The `_meta` of a 2026-07-28 result. */
export interface ResultMeta extends Meta {
  /** Self-reported server identity, for display and logs only. */
  [META_SERVER_INFO]?: Implementation;
}

/** Value of {@link META_RELATED_TASK} (2025-11-25 experimental tasks). */
export interface RelatedTaskMeta {
  /** The task the message belongs to. */
  taskId: string;
}
