/**
 * Subscriptions (2026-07-28): `subscriptions/listen` opens one long-lived stream of opted-in
 * change notifications, replacing the HTTP GET stream and `resources/subscribe`.
 */
import type { NotificationParams, RequestId, RequestParams, Result } from './base';
import type { META_SUBSCRIPTION_ID, ResultMeta } from './meta';

/** The notification kinds a client opts in to; the server sends no others. */
export interface SubscriptionFilter {
  /** Send `notifications/tools/list_changed`. */
  toolsListChanged?: boolean;
  /** Send `notifications/prompts/list_changed`. */
  promptsListChanged?: boolean;
  /** Send `notifications/resources/list_changed`. */
  resourcesListChanged?: boolean;
  /** Send `notifications/resources/updated` for these URIs. */
  resourceSubscriptions?: string[];
  /**
   * Send `notifications/tasks` for these task ids (tasks extension, `io.modelcontextprotocol/tasks`;
   * needs the client to declare it).
   */
  taskIds?: string[];
}

/** Params of `subscriptions/listen`. */
export interface SubscriptionsListenParams extends RequestParams {
  /** What the stream should carry. */
  notifications: SubscriptionFilter;
}

/** `_meta` of the `subscriptions/listen` result. */
export interface SubscriptionsListenResultMeta extends ResultMeta {
  /** Id of the `subscriptions/listen` request (the same as the response's id). */
  [META_SUBSCRIPTION_ID]: RequestId;
}

/**
 * Result of `subscriptions/listen`, sent only when the server ends the stream gracefully (e.g. at
 * shutdown); an abruptly closed stream has none. Empty apart from `_meta`.
 */
export interface SubscriptionsListenResult extends Result {
  _meta: SubscriptionsListenResultMeta;
}

/**
 * Params of `notifications/subscriptions/acknowledged`: the first message of a stream, carrying
 * its subscription id in `_meta`.
 */
export interface SubscriptionsAcknowledgedNotificationParams extends NotificationParams {
  /** The requested kinds the server will honour (unsupported ones are left out). */
  notifications: SubscriptionFilter;
}
