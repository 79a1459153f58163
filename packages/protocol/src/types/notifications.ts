/** Params of the utility notifications and requests: logging, progress, cancellation, subscriptions. */
import type { LoggingLevel, Meta, ProgressToken, RequestId, RequestParams } from './base';

/** Params of `logging/setLevel` (legacy). */
export interface SetLevelParams extends RequestParams {
  level: LoggingLevel;
}

/** Params of `notifications/message`. */
export interface LoggingMessageNotificationParams {
  level: LoggingLevel;
  logger?: string;
  data: unknown;
  _meta?: Meta;
}

/** Params of `notifications/progress`. */
export interface ProgressNotificationParams {
  progressToken: ProgressToken;
  /** Increases with every notification. */
  progress: number;
  total?: number;
  message?: string;
  _meta?: Meta;
}

/** Params of `notifications/cancelled`. */
export interface CancelledNotificationParams {
  requestId?: RequestId;
  reason?: string;
  _meta?: Meta;
}

/** What a `subscriptions/listen` stream carries (2026-07-28). */
export interface SubscriptionFilter {
  toolsListChanged?: boolean;
  promptsListChanged?: boolean;
  resourcesListChanged?: boolean;
  resourceSubscriptions?: string[];
}

/** Params of `subscriptions/listen` (2026-07-28). */
export interface SubscriptionsListenParams extends RequestParams {
  notifications: SubscriptionFilter;
}

/** Params of `notifications/subscriptions/acknowledged` (2026-07-28). */
export interface SubscriptionsAcknowledgedNotificationParams {
  notifications: SubscriptionFilter;
  _meta?: Meta;
}
