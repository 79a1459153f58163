/**
 * Building blocks shared by every MCP message of both eras: identifiers, `_meta`, display
 * metadata, the result base and the logging levels.
 */
import type { RequestId } from '../jsonrpc/messages';
import type { ResultType } from './resultType';

export type { RequestId };

/** Any JSON value. */
export type JSONValue =
  string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

/**
 * A JSON object. The spec types its members as JSON values; we accept `unknown` members so plain
 * TypeScript objects (interfaces without index signatures) fit.
 */
export type JSONObject = { [key: string]: unknown };

/**
 * A `_meta` object: extra metadata on params, results and protocol objects. Keys may carry a
 * reverse-DNS prefix (`com.example/key`); prefixes whose second label is `modelcontextprotocol` or
 * `mcp` are reserved for the spec (see `./meta` for the reserved keys).
 */
export type Meta = Record<string, unknown>;

/** Opaque token that ties `notifications/progress` to the request that asked for it. */
export type ProgressToken = string | number;

/** Opaque pagination position. */
export type Cursor = string;

/** Speaker of a message, or the audience of a piece of content. */
export type Role = 'user' | 'assistant';

/**
 * Every log severity (RFC 5424 syslog levels), least severe first: a level admits itself and
 * every level after it.
 */
export const LOGGING_LEVELS: readonly LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
];

/** Severity of a log message. Deprecated in 2026-07-28 together with the Logging feature. */
export type LoggingLevel =
  'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical' | 'alert' | 'emergency';

/** Hints telling a client how to use or show an object. */
export interface Annotations {
  /** Who the object is meant for; several roles are allowed. */
  audience?: Role[];
  /** Importance, from 0 (optional) to 1 (effectively required). */
  priority?: number;
  /** Last modification time, ISO 8601 (e.g. `2025-01-12T15:00:58Z`). */
  lastModified?: string;
}

/** An icon a client may display (2025-11-25+). */
export interface Icon {
  /** `http(s):` URL or `data:` URI of the image. */
  src: string;
  /** MIME type, when the source's own type is missing or generic. */
  mimeType?: string;
  /** Sizes as `WxH` (e.g. `48x48`) or `any`; absent means any size. */
  sizes?: string[];
  /** Background the icon is designed for; absent means any. */
  theme?: 'light' | 'dark';
}

/** Mixin for objects that may carry icons (2025-11-25+). */
export interface Icons {
  /** Icons at various sizes and themes. */
  icons?: Icon[];
}

/** A programmatic `name` plus an optional display `title` (title: 2025-06-18+). */
export interface BaseMetadata {
  /** Identifier; also the display fallback when there is no `title`. */
  name: string;
  /** Human-readable display name. */
  title?: string;
}

/** Identity of a client or server implementation. */
export interface Implementation extends BaseMetadata, Icons {
  /** Version of the implementation. */
  version: string;
  /** What the implementation does (2025-11-25+). */
  description?: string;
  /** Website of the implementation (2025-11-25+). */
  websiteUrl?: string;
}

/** Base of every request's params: an optional `_meta`. */
export interface RequestParams {
  /**
   * Request metadata. Optional in the legacy era (where it may carry `progressToken`); every
   * 2026-07-28 request carries one shaped like {@link RequestMeta} from `./meta`.
   */
  _meta?: Meta;
}

/** Base of every notification's params: an optional `_meta`. */
export interface NotificationParams {
  /** Notification metadata (2026-07-28 subscription streams add the subscription id). */
  _meta?: Meta;
}

/** Params of a paginated list request. */
export interface PaginatedRequestParams extends RequestParams {
  /** Where to continue: the `nextCursor` of the previous page. */
  cursor?: Cursor;
}

/** Base of every result. */
export interface Result {
  /** Result metadata (2026-07-28: `io.modelcontextprotocol/serverInfo`). */
  _meta?: Meta;
  /**
   * What kind of result this is. Required from 2026-07-28 servers; absent from earlier servers,
   * in which case it means `complete`.
   */
  resultType?: ResultType;
  [key: string]: unknown;
}

/** A page of a paginated list. */
export interface PaginatedResult extends Result {
  /** Present when more items may follow; pass it back as `cursor`. */
  nextCursor?: Cursor;
}

/** A result that carries nothing but success. */
export type EmptyResult = Result;
