/**
 * Roots: the server asks which directories or files it may work on (`roots/list`). A server
 * request in the legacy era, an MRTR input request in 2026-07-28, where the feature is deprecated.
 */
import type { Meta, NotificationParams, RequestParams, Result } from './base';

/** A directory or file the server may operate on. */
export interface Root {
  /** A `file://` URI (other schemes may be allowed later). */
  uri: string;
  /** Display name. */
  name?: string;
  _meta?: Meta;
}

/** Params of `roots/list`: nothing but an optional `_meta`. */
export type ListRootsParams = RequestParams;

/** `roots/list` as a method and its params (an MRTR input request in 2026-07-28). */
export interface ListRootsRequest {
  method: 'roots/list';
  params?: ListRootsParams;
}

/** Result of `roots/list`. */
export interface ListRootsResult extends Result {
  roots: Root[];
}

/** Params of `notifications/roots/list_changed` (legacy; removed in 2026-07-28). */
export type RootsListChangedNotificationParams = NotificationParams;
