/**
 * Tasks, in two incompatible designs:
 * - legacy: the experimental tasks of 2025-11-25 (`task` on a request, `tasks/get|result|list|cancel`
 *   in both directions, `notifications/tasks/status`, `ttl`/`pollInterval`);
 * - modern: the `io.modelcontextprotocol/tasks` extension used with 2026-07-28 (the server may
 *   answer `tools/call` with a task, polled with `tasks/get`, fed with `tasks/update`, cancelled
 *   with `tasks/cancel`, pushed as `notifications/tasks`; `ttlMs`/`pollIntervalMs`).
 */
import type {
  NotificationParams,
  PaginatedRequestParams,
  PaginatedResult,
  RequestParams,
  Result,
} from './base';
import type { InputRequests, InputResponses } from './mrtr';

export type { TaskMetadata } from './taskMetadata';

export { TASKS_EXTENSION_ID } from '../version/era';

/**
 * Where a task stands (both designs). `completed`, `failed` and `cancelled` are final. Legacy
 * `failed` includes tool results with `isError`; in the extension those are `completed`.
 */
export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

/* ----- legacy: 2025-11-25 experimental tasks ----- */

/** A task (legacy). */
export interface Task {
  taskId: string;
  status: TaskStatus;
  /** Explains the status (reason, summary, diagnostics). */
  statusMessage?: string;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Last update time, ISO 8601. */
  lastUpdatedAt: string;
  /** Actual retention from creation in ms; `null` is unlimited. */
  ttl: number | null;
  /** Suggested polling interval in ms. */
  pollInterval?: number;
}

/** Answer to a task-augmented request, instead of its usual result (legacy). */
export interface CreateTaskResult extends Result {
  task: Task;
}

/**
 * Params naming one task: `tasks/get`, `tasks/cancel` (both designs) and `tasks/result` (legacy).
 * The spec's params hold only `taskId`; `_meta` is allowed here as on any request.
 */
export interface TaskIdParams extends RequestParams {
  /** The task. */
  taskId: string;
}

/** Params of `tasks/get` (both designs). */
export type GetTaskParams = TaskIdParams;
/** Params of `tasks/result` (legacy). */
export type GetTaskPayloadParams = TaskIdParams;
/** Params of `tasks/cancel` (both designs). */
export type CancelTaskParams = TaskIdParams;

/** Result of `tasks/get` (legacy). */
export type GetTaskResult = Result & Task;

/**
 * Result of `tasks/result` (legacy): once the task is final, exactly what the original request
 * would have returned (e.g. a `CallToolResult`).
 */
export type GetTaskPayloadResult = Result;

/** Result of `tasks/cancel` (legacy): the task after cancellation. */
export type CancelTaskResult = Result & Task;

/** Params of `tasks/list` (legacy; removed by the extension). */
export type ListTasksParams = PaginatedRequestParams;

/** Result of `tasks/list` (legacy). */
export interface ListTasksResult extends PaginatedResult {
  tasks: Task[];
}

/** Params of `notifications/tasks/status` (legacy, either direction). */
export type TaskStatusNotificationParams = NotificationParams & Task;

/* ----- modern: the io.modelcontextprotocol/tasks extension ----- */

/**
 * The fields of every extension task (the extension's `Task`): what `tasks/get`,
 * `notifications/tasks` and the task handle share.
 */
export interface ExtensionTaskInfo {
  taskId: string;
  status: TaskStatus;
  /** Explains the status; may be shown to the user or model. */
  statusMessage?: string;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Last update time, ISO 8601. */
  lastUpdatedAt: string;
  /** Lifetime from creation in ms, `null` for unlimited; may change over time. */
  ttlMs: number | null;
  /** Suggested polling interval in ms; may change over time. */
  pollIntervalMs?: number;
}

/**
 * A task handle returned in place of a request's usual result (the extension's
 * `CreateTaskResult`; only for clients that declared the extension on that request). The task
 * exists (`tasks/get` resolves) before this is sent.
 */
export interface ExtensionTask extends Result, ExtensionTaskInfo {
  resultType: 'task';
}

/** Another name of {@link ExtensionTask}, after the extension's `CreateTaskResult`. */
export type ExtensionCreateTaskResult = ExtensionTask;

/** A task still being worked on. */
export interface WorkingTask extends ExtensionTaskInfo {
  status: 'working';
}

/** A task waiting for the client: answer with `tasks/update`. */
export interface InputRequiredTask extends ExtensionTaskInfo {
  status: 'input_required';
  /** Outstanding questions; keys are never reused within a task. */
  inputRequests: InputRequests;
}

/** A finished task, carrying what the original request would have returned. */
export interface CompletedTask extends ExtensionTaskInfo {
  status: 'completed';
  /** The original request's result (e.g. a `CallToolResult`, even with `isError`). */
  result: Result;
}

/** A task that ended in a JSON-RPC error. */
export interface FailedTask extends ExtensionTaskInfo {
  status: 'failed';
  /** The JSON-RPC error object. */
  error: { code: number; message: string; data?: unknown };
}

/** A cancelled task. */
export interface CancelledTask extends ExtensionTaskInfo {
  status: 'cancelled';
}

/** A task with the fields of its status: what `tasks/get` and `notifications/tasks` carry. */
export type DetailedTask =
  WorkingTask | InputRequiredTask | CompletedTask | FailedTask | CancelledTask;

/** Result of `tasks/get` (extension; `resultType` is `complete`). */
export type ExtensionGetTaskResult = Result & DetailedTask;

/** Params of `tasks/update` (extension): answers to an `input_required` task's questions. */
export interface UpdateTaskParams extends TaskIdParams {
  /** Answers keyed like the task's `inputRequests`; a subset is allowed. */
  inputResponses: InputResponses;
}

/** Result of `tasks/update` and `tasks/cancel` (extension): an empty acknowledgement. */
export type ExtensionTaskAckResult = Result;

/** Params of `notifications/tasks` (extension): the full task, as `tasks/get` would return it. */
export type ExtensionTaskNotificationParams = NotificationParams & DetailedTask;
