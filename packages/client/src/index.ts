/**
 * @typemcp/client: an MCP client for both protocol eras, with stdio and HTTP transports.
 *
 * @packageDocumentation
 */
export { Client } from './Client';
export type { ClientParams, ClientResult, ServerRequestHandler } from './clientTypes';
export type { ClientOptions, ClientMode } from './ClientOptions';
export type { ClientRequestHandler } from './answerInputRequests';
export { ProtocolNegotiationError } from './errors/ProtocolNegotiationError';
export { InvalidResultError } from './errors/InvalidResultError';
export { NotConnectedError } from './errors/NotConnectedError';
export { UnsupportedInEraError } from './errors/UnsupportedInEraError';
export { MissingRequestHandlerError } from './errors/MissingRequestHandlerError';
export { ServerSpawnError } from './errors/ServerSpawnError';
export { ResponseTooLargeError } from './errors/ResponseTooLargeError';
export { CrossOriginRedirectError } from './errors/CrossOriginRedirectError';
export { StdioClientTransport } from './transports/stdio/StdioClientTransport';
export type { StdioServerParameters } from './transports/stdio/StdioServerParameters';
export {
  getDefaultEnvironment,
  DEFAULT_INHERITED_ENV_VARS,
} from './transports/stdio/defaultEnvironment';
export {
  StreamableHTTPClientTransport,
  HttpStatusError,
} from './transports/http/StreamableHTTPClientTransport';
export type {
  StreamableHTTPClientTransportOptions,
  ReconnectionOptions,
} from './transports/http/StreamableHTTPClientTransport';
export { SSEClientTransport } from './transports/http/SSEClientTransport';
export type { SSEClientTransportOptions } from './transports/http/SSEClientTransport';
export type { HttpClientLimits } from './transports/http/httpLimits';
export { HttpClientTransport } from './transports/http/HttpClientTransport';
export type { HttpClientTransportOptions } from './transports/http/HttpClientTransport';
export { toolParamHeaders } from './toolParamHeaders';
export type { OAuthClientProvider, ClientCredentials } from './auth/OAuthClientProvider';
export { InMemoryTokenStore } from './auth/TokenStore';
export type { TokenStore, StoredCredentials } from './auth/TokenStore';
export { FileTokenStore } from './auth/FileTokenStore';
export { OAuthFlowError } from './auth/OAuthFlowError';
export { withOAuth } from './auth/withOAuth';
export { OAuthHandler } from './auth/OAuthHandler';
export { loopbackRedirect } from './auth/loopbackRedirect';
export type { LoopbackRedirect, LoopbackRedirectOptions } from './auth/loopbackRedirect';
export { ClientTasks } from './tasks/ClientTasks';
export type { TaskCallOptions } from './tasks/ClientTasks';
export type { TaskInfo } from './tasks/TaskInfo';
export { TaskCancelledError } from './tasks/TaskCancelledError';
