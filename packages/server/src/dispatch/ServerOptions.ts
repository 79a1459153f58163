import type { Icon, ServerCapabilities } from '@typemcp/protocol';
import type { SharedStores } from '../cluster/SharedStores';
import type { RequestStateOptions } from '../mrtr/requestState';

/** Identity and behaviour of a low-level {@link Server}. */
export interface ServerOptions {
  /** Programmatic name, sent as `serverInfo.name`. */
  name: string;
  /** Version of the server software. */
  version: string;
  /** Human-readable name. */
  title?: string;
  /** What the server does. */
  description?: string;
  /** Home page of the server. */
  websiteUrl?: string;
  /** Icons for clients to display. */
  icons?: Icon[];
  /** Guidance for the model on how to use this server. */
  instructions?: string;
  /**
   * Capabilities to declare on top of those derived from the registered handlers
   * (merged shallowly per capability).
   */
  capabilities?: ServerCapabilities;
  /** Protocol versions to serve (default: every version TypeMCP knows). */
  supportedVersions?: readonly string[];
  /** Caching hints put on cacheable modern results that set none (default `{ ttlMs: 0, cacheScope: 'public' }`). */
  cache?: { ttlMs: number; cacheScope: 'public' | 'private' };
  /** Signing of multi round-trip `requestState` (2026-07-28): the HMAC secret and lifetime. */
  requestState?: RequestStateOptions;
  /**
   * Most requests one connection (a stdio process, an HTTP session) may have in flight at once
   * (default 1000); beyond it a request is answered -32603 "Server busy" and the others go on.
   */
  maxConcurrentRequests?: number;
  /** Where handler failures that are not {@link McpError}s are reported (default: stderr). */
  onerror?: (error: Error) => void;
  /**
   * The `x-mcp-header` arguments of a tool (argument name → header name), for HTTP transports to
   * check `Mcp-Param-*` headers against the body (default: none). Given by the decorator framework.
   */
  toolParamHeaders?: (toolName: string) => Readonly<Record<string, string>> | undefined;
  /**
   * The OAuth scopes a request needs, for HTTP transports to answer 403 `insufficient_scope`
   * before running it (default: none). Given by the decorator framework.
   */
  requiredScopes?: (
    method: string,
    params: Record<string, unknown> | undefined,
  ) => string[] | undefined;
  /** Every scope in use, for `scopes_supported` (default: none). Given by the decorator framework. */
  allScopes?: () => string[];
  /**
   * Capabilities declared only to sessions that negotiate 2025-11-25 or later in `initialize`
   * (e.g. the experimental `tasks` of that revision), read at each `initialize`.
   */
  sessionCapabilities?: () => ServerCapabilities | undefined;
  /** Told when shared stores are given (`Server.useStores`): the task engines adopt them. */
  onstores?: (stores: SharedStores) => void;
}
