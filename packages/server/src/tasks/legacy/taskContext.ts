import type { LoggingLevel, RequestOptions } from '@typemcp/protocol';
import type { RequestContext } from '../../dispatch/RequestContext';
import { deriveRequestContext } from '../../dispatch/deriveRequestContext';
import { logParams, logPasses, progressParams } from '../../dispatch/RequestContext';

/** `_meta` key tying a message to its task (2025-11-25). */
export const RELATED_TASK = 'io.modelcontextprotocol/related-task';

/** What a task run needs from its manager. */
export interface TaskRunHooks {
  taskId: string;
  signal: AbortSignal;
  /** Sends a server-to-client request for the task (parks it in `input_required` meanwhile). */
  ask<T>(method: string, params: Record<string, unknown>, options?: RequestOptions): Promise<T>;
}

function withTaskMeta(
  params: Record<string, unknown> | undefined,
  taskId: string,
): Record<string, unknown> {
  const meta = (params?._meta as Record<string, unknown> | undefined) ?? {};
  return { ...params, _meta: { ...meta, [RELATED_TASK]: { taskId } } };
}

/**
 * The request context of a tool running as a 2025-11-25 task: the original call has been
 * answered with a `CreateTaskResult`, so progress (the original `progressToken` stays valid),
 * log messages and notifications go on the session tagged with the related task, and questions
 * to the client go through {@link TaskRunHooks.ask}.
 */
export function legacyTaskContext(base: RequestContext, hooks: TaskRunHooks): RequestContext {
  const connection = base.connection;
  const progressToken = base.meta.progressToken;
  let lastProgress = -Infinity;
  const notify = (method: string, params: Record<string, unknown>): Promise<void> =>
    connection.notify(method, withTaskMeta(params, hooks.taskId)).catch(() => undefined);
  return deriveRequestContext(base, {
    signal: hooks.signal,
    taskMode: true,
    closeSseStream: undefined,
    sendProgress(progress, total, message) {
      if (progressToken === undefined || hooks.signal.aborted || !(progress > lastProgress))
        return Promise.resolve();
      lastProgress = progress;
      return notify(
        'notifications/progress',
        progressParams(progressToken, progress, total, message),
      );
    },
    log(level: LoggingLevel, data: unknown, logger?: string) {
      if (!logPasses(level, connection.logLevel) || hooks.signal.aborted) return Promise.resolve();
      return notify('notifications/message', logParams(level, data, logger));
    },
    sendNotification(method, params) {
      return notify(method, params ?? {});
    },
    sendRequest<T>(
      method: string,
      params?: Record<string, unknown>,
      options?: RequestOptions,
    ): Promise<T> {
      return hooks.ask<T>(method, withTaskMeta(params, hooks.taskId), options);
    },
  });
}
