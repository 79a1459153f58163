import type { ClientCapabilities } from './capabilities';
import type { Implementation, LoggingLevel, Meta, ProgressToken } from './base';

/** `_meta` key: the request's protocol version (2026-07-28, required). */
export const META_PROTOCOL_VERSION = 'io.modelcontextprotocol/protocolVersion';
/** `_meta` key: the client's capabilities (2026-07-28, required). */
export const META_CLIENT_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';
/** `_meta` key: the client's identity (2026-07-28, should). */
export const META_CLIENT_INFO = 'io.modelcontextprotocol/clientInfo';
/** `_meta` key: the lowest log level wanted for this request (2026-07-28). */
export const META_LOG_LEVEL = 'io.modelcontextprotocol/logLevel';
/** Result `_meta` key: the server's identity (2026-07-28). */
export const META_SERVER_INFO = 'io.modelcontextprotocol/serverInfo';
/** Notification `_meta` key: the subscription a notification belongs to (2026-07-28). */
export const META_SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';
/** `_meta` key: the task a message relates to (2025-11-25 tasks). */
export const META_RELATED_TASK = 'io.modelcontextprotocol/related-task';

/** The per-request `_meta` of a 2026-07-28 request. */
export interface RequestMeta extends Meta {
  [META_PROTOCOL_VERSION]: string;
  [META_CLIENT_CAPABILITIES]: ClientCapabilities;
  [META_CLIENT_INFO]?: Implementation;
  [META_LOG_LEVEL]?: LoggingLevel;
  progressToken?: ProgressToken;
}
