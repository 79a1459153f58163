/**
 * Base MCP types shared by both protocol eras (schema/2025-11-25 and schema/2026-07-28).
 */
import type { RequestId } from '../jsonrpc/messages';

export type { RequestId };

/** Any JSON value. */
export type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

/** A JSON object. */
export type JSONObject = { [key: string]: unknown };

/** `_meta`: metadata attached to params, results and objects; keys follow the spec's prefix rules. */
export type Meta = { [key: string]: unknown };

/** Token of a progress-tracked request. */
export type ProgressToken = string | number;

/** Opaque pagination cursor. */
export type Cursor = string;

/** Who a message or content is for. */
export type Role = 'user' | 'assistant';

/** Severity of a log message (RFC 5424), least severe first. */
export type LoggingLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical' | 'alert' | 'emergency';

/** Every logging level, least severe first. */
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

/** Hints about how a client should use or display an object. */
export interface Annotations {
  audience?: Role[];
  /** 0 (least) to 1 (most important). */
  priority?: number;
  /** ISO 8601 timestamp. */
  lastModified?: string;
}

/** An icon a client can display (2025-11-25+). */
export interface Icon {
  src: string;
  mimeType?: string;
  sizes?: string[];
  theme?: 'light' | 'dark';
}

/** Objects that may carry icons. */
export interface Icons {
  icons?: Icon[];
}

/** `name` plus an optional human-readable `title`. */
export interface BaseMetadata {
  name: string;
  title?: string;
}

/** Identity of an MCP client or server implementation. */
export interface Implementation extends BaseMetadata, Icons {
  version: string;
  description?: string;
  websiteUrl?: string;
}

/** What a result says it is (2026-07-28); absent means `complete`. */
export type ResultType = 'complete' | 'input_required' | (string & {});

/** Base of every result. */
export interface Result {
  _meta?: Meta;
  /** Required in 2026-07-28; absent in earlier versions (treated as `complete`). */
  resultType?: ResultType;
  [key: string]: unknown;
}

/** A result with nothing in it. */
export type EmptyResult = Result;

/** Base of request params: an optional `_meta`. */
export interface RequestParams {
  _meta?: Meta;
}

/** Params of a paginated list request. */
export interface PaginatedRequestParams extends RequestParams {
  cursor?: Cursor;
}

/** A paginated result. */
export interface PaginatedResult extends Result {
  nextCursor?: Cursor;
}

/** Caching hints on cacheable 2026-07-28 results. */
export interface CacheableResult extends Result {
  /** How long the result stays fresh, in ms (>= 0). */
  ttlMs?: number;
  cacheScope?: 'public' | 'private';
}
