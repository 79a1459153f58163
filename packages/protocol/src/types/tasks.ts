/** Tasks: the 2025-11-25 experimental feature and the 2026-07-28 `io.modelcontextprotocol/tasks` extension. */
import type { PaginatedRequestParams, PaginatedResult, RequestParams, Result } from './base';
import type { InputRequests, InputResponses } from './mrtr';

/** Where a task stands. */
export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

/** A task (2025-11-25 experimental). */
export interface Task {
  taskId: string;
  status: TaskStatus;
  statusMessage?: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  lastUpdatedAt: string;
  /** Retention in ms from creation; null = unlimited. */
  ttl: number | null;
  /** Suggested polling interval in ms. */
  pollInterval?: number;
}

/** Result of a task-augmented request (2025-11-25). */
export interface CreateTaskResult extends Result {
  task: Task;
}

/** Params of `tasks/get`, `tasks/result`, `tasks/cancel`. */
export interface TaskIdParams extends RequestParams {
  taskId: string;
}

/** Params of `tasks/list` (2025-11-25). */
export type ListTasksParams = PaginatedRequestParams;

/** Result of `tasks/list` (2025-11-25). */
export interface ListTasksResult extends PaginatedResult {
  tasks: Task[];
}

/** Result of `tasks/get` and `tasks/cancel` (2025-11-25). */
export type GetTaskResult = Result & Task;

/** A task of the 2026-07-28 tasks extension, as `tasks/get` reports it. */
export interface ExtensionTask extends Result {
  taskId: string;
  status: TaskStatus;
  statusMessage?: string;
  ttlMs?: number;
  pollIntervalMs?: number;
  /** Present when completed. */
  result?: Result;
  /** Present when failed. */
  error?: { code: number; message: string; data?: unknown };
  /** Present when input_required. */
  inputRequests?: InputRequests;
}

/** Params of `tasks/update` (2026-07-28 extension). */
export interface UpdateTaskParams extends RequestParams {
  taskId: string;
  inputResponses: InputResponses;
}
