/**
 * Cancellation: `notifications/cancelled`.
 */
import type { NotificationParams, RequestId } from './base';

/**
 * Params of `notifications/cancelled`. Legacy: either side cancels its own earlier request
 * (never `initialize`; tasks use `tasks/cancel`). 2026-07-28: the client cancels its request; on
 * stdio the server also uses it, only to end a `subscriptions/listen` stream.
 */
export interface CancelledNotificationParams extends NotificationParams {
  /**
   * Id of the request to cancel. Required in 2026-07-28; optional in 2025-11-25, where it must
   * be given for everything but tasks.
   */
  requestId?: RequestId;
  /** Why; may be logged or shown. */
  reason?: string;
}
