/**
 * @typemcp/protocol: the MCP model for both protocol eras (2026-07-28 stateless, 2025-11-25 and
 * earlier handshake), JSON-RPC 2.0 messages and errors, version negotiation, the Transport
 * interface, an in-memory transport pair and the Session engine.
 *
 * @packageDocumentation
 */
export * from './types';
export type {
  RequestId,
  JSONRPCParams,
  JSONRPCRequest,
  JSONRPCNotification,
  JSONRPCResultResponse,
  JSONRPCErrorObject,
  JSONRPCErrorResponse,
  JSONRPCResponse,
  JSONRPCMessage,
} from './jsonrpc/messages';
export {
  isJSONRPCRequest,
  isJSONRPCNotification,
  isJSONRPCResponse,
  isJSONRPCErrorResponse,
} from './jsonrpc/messages';
export { decodeMessage, validateMessage } from './jsonrpc/decodeMessage';
export { BatchCollector, batchRefused } from './jsonrpc/BatchCollector';
export type { DecodeResult } from './jsonrpc/decodeMessage';
export { ErrorCode } from './errors/ErrorCode';
export type { ErrorCodeValue } from './errors/ErrorCode';
export { McpError } from './errors/McpError';
export {
  LocalMcpError,
  RequestTimeoutError,
  ConnectionClosedError,
  RequestCancelledError,
} from './errors/localErrors';
export {
  SUPPORTED_PROTOCOL_VERSIONS,
  LATEST_PROTOCOL_VERSION,
  LATEST_LEGACY_PROTOCOL_VERSION,
  MODERN_PROTOCOL_VERSIONS,
  LEGACY_PROTOCOL_VERSIONS,
  eraOf,
  negotiateLegacyVersion,
  isVersionAtLeast,
} from './version/versions';
export type { ProtocolVersion, ProtocolEra } from './version/versions';
export {
  LEGACY_ONLY_METHODS,
  MODERN_ONLY_METHODS,
  TASKS_EXTENSION_METHODS,
  methodExistsIn,
  hasModernMeta,
  isModernHeaderVersion,
  missingCapabilityCode,
} from './version/era';
export type {
  Transport,
  TransportReceiver,
  TransportSendOptions,
  MessageExtra,
  AuthInfo,
} from './transport/Transport';
export type { TokenVerifier } from './auth/TokenVerifier';
export { InvalidTokenError } from './auth/TokenVerifier';
export type { ResourceServerOptions } from './auth/ResourceServerOptions';
export type {
  ProtectedResourceMetadata,
  AuthorizationServerMetadata,
  OAuthClientMetadata,
  OAuthClientInformation,
  OAuthTokens,
  OAuthErrorResponse,
} from './auth/oauthTypes';
export { InMemoryTransport } from './transport/InMemoryTransport';
export { Session, DEFAULT_MAX_CONCURRENT_REQUESTS } from './session/Session';
export type {
  SessionOptions,
  SessionRequestHandler,
  SessionNotificationHandler,
} from './session/Session';
export type { IncomingRequestContext } from './session/InflightRequest';
export { DEFAULT_REQUEST_TIMEOUT_MS } from './session/RequestOptions';
export type { RequestOptions, NotificationOptions, Progress } from './session/RequestOptions';
export { LineDecoder } from './framing/LineDecoder';
