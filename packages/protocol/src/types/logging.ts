/**
 * Logging: `logging/setLevel` (legacy) and `notifications/message`. The whole feature is
 * deprecated in 2026-07-28, where the level is set per request in `_meta`
 * (`io.modelcontextprotocol/logLevel`).
 */
import type { LoggingLevel, NotificationParams, RequestParams } from './base';

/** Params of `logging/setLevel` (legacy; removed in 2026-07-28). */
export interface SetLevelParams extends RequestParams {
  /** Lowest level the client wants; it gets this level and everything more severe. */
  level: LoggingLevel;
}

/** Params of `notifications/message`. */
export interface LoggingMessageNotificationParams extends NotificationParams {
  /** Severity. */
  level: LoggingLevel;
  /** Name of the logger. */
  logger?: string;
  /** Anything JSON-serialisable: a string or a structured object. */
  data: unknown;
}
