/** Lifecycle of both eras: the legacy `initialize` handshake and the modern `server/discover`. */
import type { CacheableResult, Implementation, RequestParams, Result } from './base';
import type { ClientCapabilities, ServerCapabilities } from './capabilities';

/** Params of `initialize` (legacy). */
export interface InitializeParams extends RequestParams {
  protocolVersion: string;
  capabilities: ClientCapabilities;
  clientInfo: Implementation;
}

/** Result of `initialize` (legacy). */
export interface InitializeResult extends Result {
  protocolVersion: string;
  capabilities: ServerCapabilities;
  serverInfo: Implementation;
  instructions?: string;
}

/** Result of `server/discover` (2026-07-28); `serverInfo` travels in `_meta`. */
export interface DiscoverResult extends CacheableResult {
  supportedVersions: string[];
  capabilities: ServerCapabilities;
  instructions?: string;
}
