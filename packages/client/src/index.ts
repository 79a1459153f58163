/**
 * @typemcp/client: an MCP client for both protocol eras, with stdio and HTTP transports.
 *
 * @packageDocumentation
 */
export { Client } from './Client';
export type { ClientOptions, ClientMode } from './ClientOptions';
export type { ClientRequestHandler } from './answerInputRequests';
export { ProtocolNegotiationError, InvalidResultError, NotConnectedError } from './errors/ClientErrors';
export { StdioClientTransport } from './transports/stdio/StdioClientTransport';
export type { StdioServerParameters } from './transports/stdio/StdioClientTransport';
export { getDefaultEnvironment, DEFAULT_INHERITED_ENV_VARS } from './transports/stdio/defaultEnvironment';
export { StreamableHTTPClientTransport, HttpStatusError } from './transports/http/StreamableHTTPClientTransport';
export type { StreamableHTTPClientTransportOptions, ReconnectionOptions } from './transports/http/StreamableHTTPClientTransport';
export { SSEClientTransport } from './transports/http/SSEClientTransport';
export type { SSEClientTransportOptions } from './transports/http/SSEClientTransport';
export { HttpClientTransport } from './transports/http/HttpClientTransport';
export type { HttpClientTransportOptions } from './transports/http/HttpClientTransport';
export { encodeHeaderValue } from './transports/http/encodeHeaderValue';
export { parseSse } from './transports/http/parseSse';
export type { SseEvent } from './transports/http/parseSse';
export { toolParamHeaders } from './toolParamHeaders';
