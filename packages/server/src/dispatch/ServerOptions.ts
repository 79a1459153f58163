import type { Icon, ServerCapabilities } from '@typemcp/protocol';
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
}
