/**
 * Progress: `notifications/progress`, asked for by sending `progressToken` in a request's `_meta`.
 */
import type { NotificationParams, ProgressToken } from './base';

/** Params of `notifications/progress`. */
export interface ProgressNotificationParams extends NotificationParams {
  /** The token of the request this reports on. */
  progressToken: ProgressToken;
  /** Progress so far; grows with every notification, even when the total is unknown. */
  progress: number;
  /** Total to reach, if known. */
  total?: number;
  /** What is happening now (2025-03-26+). */
  message?: string;
}
