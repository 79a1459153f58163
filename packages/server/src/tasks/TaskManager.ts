import { ErrorCode, McpError, TASKS_EXTENSION_ID } from '@typemcp/protocol';
import type { ClientCapabilities, ExtensionTask, InputResponses } from '@typemcp/protocol';
import { deriveRequestContext } from '../dispatch/deriveRequestContext';
import type { RequestContext } from '../dispatch/RequestContext';
import { InputRequiredSignal } from '../mrtr/InputRequiredSignal';
import { InputState } from '../mrtr/InputState';
import type { ToolEntry } from '../registry/entries';
import { TaskBudget } from './TaskBudget';
import type { TaskLimits } from './TaskBudget';
import { newTaskRecord } from './TaskStore';
import type { TaskRecord, TaskStore } from './TaskStore';

/** The extension's identifier (`TASKS_EXTENSION_ID` of @typemcp/protocol, under the server's name). */
export const TASKS_EXTENSION = TASKS_EXTENSION_ID;

/** True when the request's client capabilities include the tasks extension. */
export function clientWantsTasks(capabilities: ClientCapabilities): boolean {
  return capabilities.extensions?.[TASKS_EXTENSION] !== undefined;
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** Options of {@link TaskManager} (and the limits both task engines share). */
export interface TaskOptions extends TaskLimits {
  /** How long a task is kept after creation (default 10 min). */
  ttlMs?: number;
  /** Suggested polling interval (default 250 ms). */
  pollIntervalMs?: number;
  /** Longest retention a 2025-11-25 client may ask for with `task.ttl` (default 1 h). */
  maxTtlMs?: number;
}

interface Running {
  entry: ToolEntry;
  args: Record<string, unknown>;
  base: RequestContext;
  controller: AbortController;
  /** Frees the task's slot in the budget. */
  release: () => void;
  /** Frees the run when the record expires (a task left in input_required). */
  expiry: ReturnType<typeof setTimeout>;
}

/**
 * Runs task-supporting tools as tasks of the `io.modelcontextprotocol/tasks` extension: the call
 * answers at once with a `CreateTaskResult`, the tool runs in the background, and `tasks/get`,
 * `tasks/update` and `tasks/cancel` follow it. A question the tool asks (elicit, sample...) parks
 * the task in `input_required`; once every pending question is answered through `tasks/update`,
 * the tool runs again from the top with all the answers (the same model as multi round-trip
 * requests). Tasks are bound to the authenticated subject that created them.
 */
export class TaskManager {
  private readonly running = new Map<string, Running>();
  private readonly ttlMs: number;
  private readonly pollIntervalMs: number;
  /**
   * Finds a tool by name, to run again a task whose answers arrived on this node while it was
   * created on another (a shared store). Set by the `McpApp`.
   */
  resolveTool?: (name: string) => ToolEntry | undefined;
  /** Told when a task is cancelled here, to abort it on the node that runs it (a cluster's bus). */
  oncancel?: (taskId: string) => void;

  constructor(
    private store: TaskStore,
    options: TaskOptions = {},
    /** Live-task limits (shared with the 2025-11-25 engine). */
    readonly budget: TaskBudget = new TaskBudget(options),
  ) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  /** Keeps tasks in another store from now on (one shared by every node). */
  useStore(store: TaskStore): void {
    this.store = store;
  }

  /** Aborts the tool of a task running in this process (cancelled here or on another node). */
  abortLocal(taskId: string): void {
    this.release(taskId)?.controller.abort('Task cancelled');
  }

  /** Fields every task response carries. */
  private view(task: TaskRecord): Record<string, unknown> {
    const out: Record<string, unknown> = {
      taskId: task.taskId,
      status: task.status,
      createdAt: task.createdAt,
      lastUpdatedAt: task.lastUpdatedAt,
      ttlMs: task.ttlMs,
      pollIntervalMs: task.pollIntervalMs,
    };
    if (task.statusMessage !== undefined) out.statusMessage = task.statusMessage;
    return out;
  }

  /** Creates a task for a tool call and starts it; returns the `CreateTaskResult`. */
  async start(
    entry: ToolEntry,
    args: Record<string, unknown>,
    request: RequestContext,
    answers: InputResponses = {},
  ): Promise<ExtensionTask> {
    const subject = request.auth?.subject;
    const release = this.budget.acquire(subject === undefined ? 'anonymous' : `subject:${subject}`);
    const task = newTaskRecord({
      ttlMs: this.ttlMs,
      pollIntervalMs: this.pollIntervalMs,
      subject,
      answers: { ...answers },
    });
    if (this.resolveTool) task.call = { name: entry.tool.name, arguments: args };
    try {
      await this.store.create(task);
    } catch (error) {
      release();
      throw error;
    }
    const controller = new AbortController();
    const expiry = setTimeout(
      () => this.release(task.taskId)?.controller.abort('Task expired'),
      this.ttlMs,
    );
    expiry.unref?.();
    this.running.set(task.taskId, { entry, args, base: request, controller, release, expiry });
    void this.run(task.taskId);
    return { resultType: 'task', ...this.view(task) } as ExtensionTask;
  }

  /** Runs a task created elsewhere again here, on the context of the request that answered it. */
  private adopt(record: TaskRecord, request: RequestContext): void {
    const entry = record.call && this.resolveTool?.(record.call.name);
    if (entry && !this.running.has(record.taskId)) {
      // Counted in the budget of the node that created it; freed here when its record expires.
      const controller = new AbortController();
      const expiry = setTimeout(
        () => this.release(record.taskId)?.controller.abort('Task expired'),
        this.ttlMs,
      );
      expiry.unref?.();
      this.running.set(record.taskId, {
        entry,
        args: record.call?.arguments ?? {},
        base: request,
        controller,
        release: () => undefined,
        expiry,
      });
    }
  }

  private async run(taskId: string): Promise<void> {
    const running = this.running.get(taskId);
    const record = await this.store.get(taskId);
    if (!running) return;
    if (!record) {
      this.release(taskId); // expired before it ran
      return;
    }
    const { base, controller } = running;
    const context = deriveRequestContext(base, {
      taskMode: true,
      input: new InputState(record.answers, base.clientCapabilities),
      signal: controller.signal,
      closeSseStream: undefined,
      sendProgress: () => Promise.resolve(),
      log: () => Promise.resolve(),
      sendNotification: () => Promise.resolve(),
      sendRequest: () =>
        Promise.reject(new Error('A task asks the client through tasks/get inputRequests')),
    });
    let patch: Partial<TaskRecord>;
    try {
      const result = await running.entry.call(running.args, context);
      patch = { status: 'completed', result: { ...result }, inputRequests: undefined };
    } catch (error) {
      if (error instanceof InputRequiredSignal)
        patch = { status: 'input_required', inputRequests: error.inputRequests };
      else if (error instanceof McpError) patch = { status: 'failed', error: error.toJSON() };
      else
        patch = {
          status: 'failed',
          error: {
            code: ErrorCode.InternalError,
            message: `Internal error: ${(error as Error)?.message ?? String(error)}`,
          },
        };
    }
    const latest = await this.store.get(taskId);
    if (!latest || TERMINAL.has(latest.status)) {
      this.release(taskId); // cancelled or expired meanwhile
      return;
    }
    await this.store.update({ ...latest, ...patch, lastUpdatedAt: new Date().toISOString() });
    if (patch.status !== 'input_required') this.release(taskId);
  }

  /** Forgets a task's run and frees its slot; returns it. */
  private release(taskId: string): Running | undefined {
    const running = this.running.get(taskId);
    if (!running) return undefined;
    clearTimeout(running.expiry);
    running.release();
    this.running.delete(taskId);
    return running;
  }

  /** Tasks running or waiting for input now. */
  get liveTasks(): number {
    return this.running.size;
  }

  private async find(taskId: unknown, request: RequestContext): Promise<TaskRecord> {
    if (!clientWantsTasks(request.clientCapabilities)) {
      throw new McpError(
        ErrorCode.MissingRequiredClientCapability,
        `tasks need the client capability extension "${TASKS_EXTENSION}"`,
        {
          requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } },
        },
      );
    }
    const task = typeof taskId === 'string' ? await this.store.get(taskId) : undefined;
    if (!task || task.subject !== request.auth?.subject)
      throw new McpError(ErrorCode.InvalidParams, `Unknown task: ${String(taskId)}`);
    return task;
  }

  /** `tasks/get`: status, and the result, error or pending questions. */
  async get(taskId: unknown, request: RequestContext): Promise<Record<string, unknown>> {
    const task = await this.find(taskId, request);
    const out = this.view(task);
    if (task.status === 'completed' && task.result) out.result = task.result;
    if (task.status === 'failed' && task.error) out.error = task.error;
    if (task.status === 'input_required' && task.inputRequests)
      out.inputRequests = task.inputRequests;
    return out;
  }

  /** `tasks/update`: records answers; once nothing is pending the tool runs again. */
  async update(
    taskId: unknown,
    inputResponses: unknown,
    request: RequestContext,
  ): Promise<Record<string, unknown>> {
    const task = await this.find(taskId, request);
    if (
      typeof inputResponses !== 'object' ||
      inputResponses === null ||
      Array.isArray(inputResponses)
    ) {
      throw new McpError(
        ErrorCode.InvalidParams,
        'tasks/update: "inputResponses" must be an object keyed like the inputRequests',
      );
    }
    if (task.status !== 'input_required') return {};
    const answers: InputResponses = { ...task.answers, ...(inputResponses as InputResponses) };
    const pending = Object.fromEntries(
      Object.entries(task.inputRequests ?? {}).filter(([key]) => !(key in answers)),
    );
    const stillWaiting = Object.keys(pending).length > 0;
    await this.store.update({
      ...task,
      answers,
      inputRequests: stillWaiting ? pending : undefined,
      status: stillWaiting ? 'input_required' : 'working',
      lastUpdatedAt: new Date().toISOString(),
    });
    if (!stillWaiting) {
      this.adopt(task, request);
      void this.run(task.taskId);
    }
    return {};
  }

  /** `tasks/cancel`: cooperative, acknowledged with an empty result (also for a task already terminal). */
  async cancel(taskId: unknown, request: RequestContext): Promise<Record<string, unknown>> {
    const task = await this.find(taskId, request);
    if (TERMINAL.has(task.status)) return {};
    await this.store.update({
      ...task,
      status: 'cancelled',
      inputRequests: undefined,
      lastUpdatedAt: new Date().toISOString(),
    });
    this.abortLocal(task.taskId);
    this.oncancel?.(task.taskId);
    return {};
  }
}
