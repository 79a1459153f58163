import { randomUUID } from 'node:crypto';
import { ErrorCode, McpError } from '@typemcp/protocol';
import type {
  CreateTaskResult,
  ListTasksResult,
  RequestOptions,
  Task,
  TaskStatus,
} from '@typemcp/protocol';
import type { RequestContext } from '../../dispatch/RequestContext';
import type { ServerConnection } from '../../dispatch/ServerConnection';
import type { ToolEntry } from '../../registry/entries';
import { paginate } from '../../registry/paginate';
import type { TaskBudget } from '../TaskBudget';
import { newTaskRecord } from '../TaskStore';
import type { TaskRecord, TaskStore } from '../TaskStore';
import { TaskSignals } from './TaskSignals';
import { legacyTaskContext, RELATED_TASK } from './taskContext';

const TERMINAL: ReadonlySet<TaskStatus> = new Set(['completed', 'failed', 'cancelled']);

/** Lifetimes of 2025-11-25 tasks. */
export interface LegacyTaskLimits {
  /** Retention when the request names none (ms). */
  ttlMs: number;
  /** Longest retention granted, whatever the request asks (ms). */
  maxTtlMs: number;
  /** Suggested polling interval (ms). */
  pollIntervalMs: number;
  /** Tasks page size of `tasks/list`. */
  pageSize: number;
  /** Live-task limits, shared with the 2026-07-28 engine. */
  budget: TaskBudget;
}

interface Running {
  controller: AbortController;
  connection: ServerConnection;
  /** Questions to the client still waiting for an answer. */
  asking: number;
  /** Stops watching the session's end. */
  detach?: () => void;
  /** Frees the task's slot in the budget. */
  release: () => void;
  /** Stops the tool when the record expires. */
  expiry?: ReturnType<typeof setTimeout>;
}

/**
 * The experimental tasks of protocol 2025-11-25 in legacy sessions: a `tools/call` carrying
 * `params.task` is answered at once with a `CreateTaskResult`; the tool runs in the background
 * and `tasks/get`, `tasks/result` (blocks until the task is final, then answers exactly what the
 * call would have), `tasks/list` and `tasks/cancel` follow it, and `notifications/tasks/status`
 * reports each change. A question the tool asks (elicit, sample, roots) parks the task in
 * `input_required` and travels, tagged with the related task, on the client's `tasks/result`
 * request. Tasks belong to the authenticated subject, or without authentication to the session
 * that created them.
 */
export class LegacyTaskManager {
  private readonly running = new Map<string, Running>();
  private readonly signals = new TaskSignals();
  private readonly sessionOwners = new WeakMap<ServerConnection, string>();

  constructor(
    private store: TaskStore,
    private readonly limits: LegacyTaskLimits,
  ) {}

  /** Told when a task is cancelled here, to abort it on the node that runs it (a cluster's bus). */
  oncancel?: (taskId: string) => void;

  /** Keeps tasks in another store from now on (one shared by every node). */
  useStore(store: TaskStore): void {
    this.store = store;
  }

  /** Aborts the tool of a task running in this process (cancelled here or on another node). */
  abortLocal(taskId: string): void {
    this.release(taskId)?.controller.abort(
      new McpError(ErrorCode.InvalidRequest, 'The task was cancelled by request.'),
    );
  }

  /** True when `tasks/list` can be served (the store can list). */
  get canList(): boolean {
    return typeof this.store.list === 'function';
  }

  private owner(request: RequestContext): string {
    if (request.auth?.subject !== undefined) return `subject:${request.auth.subject}`;
    if (request.connection.sharedId !== undefined) return `session:${request.connection.sharedId}`; // the same on every node
    let id = this.sessionOwners.get(request.connection);
    if (!id) this.sessionOwners.set(request.connection, (id = `session:${randomUUID()}`));
    return id;
  }

  private view(task: TaskRecord): Task {
    const out: Task = {
      taskId: task.taskId,
      status: task.status,
      createdAt: task.createdAt,
      lastUpdatedAt: task.lastUpdatedAt,
      ttl: task.ttlMs,
      pollInterval: task.pollIntervalMs,
    };
    if (task.statusMessage !== undefined) out.statusMessage = task.statusMessage;
    return out;
  }

  /** Creates the task of a task-augmented `tools/call` and starts the tool. */
  async start(
    entry: ToolEntry,
    args: Record<string, unknown>,
    request: RequestContext,
    requested: { ttl?: unknown },
  ): Promise<CreateTaskResult> {
    const asked =
      typeof requested.ttl === 'number' && Number.isFinite(requested.ttl) && requested.ttl > 0
        ? requested.ttl
        : this.limits.ttlMs;
    const subject = this.owner(request);
    const release = this.limits.budget.acquire(subject);
    const task = newTaskRecord({
      ttlMs: Math.min(Math.round(asked), this.limits.maxTtlMs),
      pollIntervalMs: this.limits.pollIntervalMs,
      subject,
      answers: {},
    });
    try {
      await this.store.create(task);
    } catch (error) {
      release();
      throw error;
    }
    const running: Running = {
      controller: new AbortController(),
      connection: request.connection,
      asking: 0,
      release,
    };
    running.expiry = setTimeout(() => void this.stop(task.taskId, 'The task expired'), task.ttlMs);
    running.expiry.unref?.();
    this.running.set(task.taskId, running);
    if (request.auth?.subject === undefined) {
      // Bound to its session, the task cannot be reached once the session ends: stop it then.
      const onSessionEnd = () =>
        void this.stop(task.taskId, 'The session that created the task ended');
      request.connection.closeListeners.add(onSessionEnd);
      running.detach = () => request.connection.closeListeners.delete(onSessionEnd);
    }
    const context = legacyTaskContext(request, {
      taskId: task.taskId,
      signal: running.controller.signal,
      ask: (method, params, options) => this.ask(task.taskId, running, method, params, options),
    });
    void this.run(task.taskId, () => entry.call(args, context));
    return { task: this.view(task) };
  }

  private async run(taskId: string, call: () => Promise<Record<string, unknown>>): Promise<void> {
    let patch: Partial<TaskRecord>;
    try {
      const result = await call();
      if (result.isError === true) {
        const text = (result.content as Array<{ type?: string; text?: string }> | undefined)?.find(
          (c) => c.type === 'text',
        )?.text;
        patch = {
          status: 'failed',
          result,
          statusMessage: text === undefined ? 'The tool reported an error' : text.slice(0, 500),
        };
      } else patch = { status: 'completed', result };
    } catch (error) {
      const wire =
        error instanceof McpError
          ? error.toJSON()
          : {
              code: ErrorCode.InternalError,
              message: `Internal error: ${(error as Error)?.message ?? String(error)}`,
            };
      patch = { status: 'failed', error: wire, statusMessage: wire.message };
    }
    await this.transition(taskId, patch, this.release(taskId)?.connection);
  }

  /** Forgets a task's run (it ended or was stopped); returns it. */
  private release(taskId: string): Running | undefined {
    const running = this.running.get(taskId);
    running?.detach?.();
    running?.release();
    clearTimeout(running?.expiry);
    this.running.delete(taskId);
    return running;
  }

  /** Applies a status change unless the task is already final; tells the client. */
  private async transition(
    taskId: string,
    patch: Partial<TaskRecord>,
    connection?: ServerConnection,
  ): Promise<TaskRecord | undefined> {
    const latest = await this.store.get(taskId);
    if (!latest || TERMINAL.has(latest.status)) return undefined;
    const next: TaskRecord = { ...latest, ...patch, lastUpdatedAt: new Date().toISOString() };
    await this.store.update(next);
    this.signals.changed(taskId);
    const target = connection ?? this.running.get(taskId)?.connection;
    if (target && next.status !== latest.status) {
      target
        .notify('notifications/tasks/status', this.view(next) as unknown as Record<string, unknown>)
        .catch(() => undefined);
    }
    return next;
  }

  private async ask<T>(
    taskId: string,
    running: Running,
    method: string,
    params: Record<string, unknown>,
    options: RequestOptions = {},
  ): Promise<T> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, running.controller.signal])
      : running.controller.signal;
    if (running.asking++ === 0)
      await this.transition(taskId, {
        status: 'input_required',
        statusMessage: `Waiting for the client to answer ${method}`,
      });
    try {
      const resultRequestId = await this.signals.resultRequest(taskId, signal);
      return await running.connection.request<T>(method, params, {
        ...options,
        signal,
        relatedRequestId: resultRequestId,
      });
    } finally {
      if (--running.asking === 0 && !signal.aborted)
        await this.transition(taskId, { status: 'working', statusMessage: undefined });
    }
  }

  private async find(
    taskId: unknown,
    request: RequestContext,
    action: string,
  ): Promise<TaskRecord> {
    if (typeof taskId !== 'string')
      throw new McpError(
        ErrorCode.InvalidParams,
        `Failed to ${action} task: "taskId" must be a string`,
      );
    const task = await this.store.get(taskId);
    if (!task || task.subject !== this.owner(request))
      throw new McpError(
        ErrorCode.InvalidParams,
        `Failed to ${action} task: Task not found (${taskId})`,
      );
    return task;
  }

  /** `tasks/get`: the task's current state. */
  async get(taskId: unknown, request: RequestContext): Promise<Task> {
    return this.view(await this.find(taskId, request, 'retrieve'));
  }

  /**
   * `tasks/result`: waits until the task is final, then answers what the original request would
   * have (its result, tagged with the related task, or its JSON-RPC error). Questions the tool asks
   * meanwhile travel on this request.
   */
  async result(taskId: unknown, request: RequestContext): Promise<Record<string, unknown>> {
    let task = await this.find(taskId, request, 'retrieve the result of');
    const close = this.signals.openResult(task.taskId, request.requestId);
    try {
      while (!TERMINAL.has(task.status)) {
        await this.signals.nextChange(
          task.taskId,
          Math.max(1000, task.pollIntervalMs * 4),
          request.signal,
        );
        if (request.signal.aborted)
          throw new McpError(ErrorCode.InternalError, 'tasks/result: the request was cancelled');
        const latest = await this.store.get(task.taskId);
        if (!latest)
          throw new McpError(
            ErrorCode.InvalidParams,
            `Failed to retrieve task: Task has expired (${task.taskId})`,
          );
        task = latest;
      }
    } finally {
      close();
    }
    if (task.error) throw new McpError(task.error.code, task.error.message, task.error.data);
    if (!task.result)
      throw new McpError(
        ErrorCode.InvalidParams,
        `Task ${task.taskId} was ${task.status} before it produced a result`,
      );
    const meta = (task.result._meta as Record<string, unknown> | undefined) ?? {};
    return { ...task.result, _meta: { ...meta, [RELATED_TASK]: { taskId: task.taskId } } };
  }

  /** `tasks/list`: the caller's tasks, newest first, a page at a time. */
  async list(cursor: unknown, request: RequestContext): Promise<ListTasksResult> {
    if (!this.store.list)
      throw new McpError(
        ErrorCode.MethodNotFound,
        'Method not found: tasks/list (the task store cannot list tasks)',
      );
    const tasks = (await this.store.list(this.owner(request))).sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
    );
    const { page, nextCursor } = paginate(tasks, cursor, this.limits.pageSize, 'tasks');
    const result: ListTasksResult = { tasks: page.map((t) => this.view(t)) };
    if (nextCursor) result.nextCursor = nextCursor;
    return result;
  }

  /** `tasks/cancel`: stops the tool (its `ctx.signal` aborts) and marks the task cancelled. */
  async cancel(taskId: unknown, request: RequestContext): Promise<Task> {
    const task = await this.find(taskId, request, 'cancel');
    if (TERMINAL.has(task.status))
      throw new McpError(
        ErrorCode.InvalidParams,
        `Cannot cancel task: already in terminal status '${task.status}'`,
      );
    const updated = await this.stop(
      task.taskId,
      'The task was cancelled by request.',
      request.connection,
    );
    this.oncancel?.(task.taskId);
    return this.view(updated ?? (await this.find(taskId, request, 'cancel')));
  }

  /** Marks a task cancelled and aborts its tool's signal. */
  private async stop(
    taskId: string,
    reason: string,
    fallback?: ServerConnection,
  ): Promise<TaskRecord | undefined> {
    // cancelled first, so a tool that ends as soon as it is aborted cannot complete the task
    const updated = await this.transition(
      taskId,
      { status: 'cancelled', statusMessage: reason },
      this.running.get(taskId)?.connection ?? fallback,
    );
    this.release(taskId)?.controller.abort(new McpError(ErrorCode.InvalidRequest, reason));
    return updated;
  }
}
