/**
 * @typemcp/hono: serve MCP over HTTP — Streamable HTTP for both protocol eras and the legacy
 * HTTP+SSE transport — as a Hono app you mount, with `serve()`, or as a plain `fetch` handler.
 *
 * @packageDocumentation
 */
export { mcpHonoApp, mcpApp, serverOf } from './mcpApp';
export type { Servable, McpHonoApp } from './mcpApp';
export { serve } from './serve';
export type { ServeOptions, RunningHttpServer } from './serve';
export { McpHttpHandler } from './McpHttpHandler';
export type { McpRoute } from './McpHttpHandler';
export type { McpHttpOptions } from './McpHttpOptions';
export type { McpHttpStats } from './McpHttpStats';
export type { SecurityOptions } from './security/SecurityOptions';
export type { EventStore } from './streamable/EventStore';
export { InMemoryEventStore } from './streamable/InMemoryEventStore';
export type { InMemoryEventStoreOptions } from './streamable/InMemoryEventStore';
export { decodeHeaderValue } from './streamable/checkModernHeaders';
export { ResourceGuard } from './auth/ResourceGuard';
export type { McpStores } from './cluster/McpStores';
export { StoreUnavailableError } from './cluster/StoreUnavailableError';
export { WakingEventStore } from './cluster/WakingEventStore';
