/**
 * @typemcp/server: the low-level MCP {@link Server} (one dispatcher for both protocol eras),
 * the decorator framework and the stdio transport.
 *
 * @packageDocumentation
 */
export { Server } from './dispatch/Server';
export type { RequestHandler, NotificationHandler, MethodParams, MethodResult } from './dispatch/Server';
export { ServerConnection } from './dispatch/ServerConnection';
export type { ServerOptions } from './dispatch/ServerOptions';
export type { RequestContext } from './dispatch/RequestContext';
export { LOG_LEVEL_ORDER } from './dispatch/RequestContext';
export { deriveCapabilities } from './dispatch/deriveCapabilities';
export { StdioServerTransport } from './transports/stdio/StdioServerTransport';
export type { StdioServerTransportOptions } from './transports/stdio/StdioServerTransport';
export { serveStdio } from './transports/stdio/serveStdio';
export type { ServeStdioOptions } from './transports/stdio/serveStdio';
