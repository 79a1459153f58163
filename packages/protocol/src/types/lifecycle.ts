/**
 * Lifecycle: the legacy `initialize` handshake and `ping`, the 2026-07-28 `server/discover`, and
 * the caching hints of 2026-07-28 results.
 */
import type { Implementation, NotificationParams, RequestParams, Result } from './base';
import type { ClientCapabilities, ServerCapabilities } from './capabilities';

/** Params of `initialize` (legacy handshake). */
export interface InitializeParams extends RequestParams {
  /** Latest protocol version the client supports. */
  protocolVersion: string;
  capabilities: ClientCapabilities;
  clientInfo: Implementation;
}

/** Result of `initialize` (legacy handshake). */
export interface InitializeResult extends Result {
  /** Version the server picked; the client disconnects if it cannot speak it. */
  protocolVersion: string;
  capabilities: ServerCapabilities;
  serverInfo: Implementation;
  /** How to use the server; may go into the model's system prompt. */
  instructions?: string;
}

/** Params of `notifications/initialized` (legacy handshake). */
export type InitializedNotificationParams = NotificationParams;

/** Params of `ping` (legacy; removed in 2026-07-28). */
export type PingParams = RequestParams;

/** Who may reuse a cached result: anyone (`public`) or one authorization context (`private`). */
export type CacheScope = 'public' | 'private';

/**
 * A result with caching hints (2026-07-28, where both fields are required). Optional here
 * because legacy servers never send them.
 */
export interface CacheableResult extends Result {
  /** Freshness in milliseconds (>= 0; 0 means stale at once), like `max-age`. */
  ttlMs?: number;
  /** Whether shared caches may keep it, like `Cache-Control: public/private`. */
  cacheScope?: CacheScope;
}

/** Params of `server/discover` (2026-07-28). */
export type DiscoverParams = RequestParams;

/**
 * Result of `server/discover` (2026-07-28). The server's identity travels in `_meta` under
 * `io.modelcontextprotocol/serverInfo`.
 */
export interface DiscoverResult extends CacheableResult {
  /** Protocol versions the server speaks; the client picks one for later requests. */
  supportedVersions: string[];
  capabilities: ServerCapabilities;
  /** Guidance about the server for the model (not a copy of tool descriptions). */
  instructions?: string;
}
