import { ErrorCode, McpError } from '@typemcp/protocol';
import type { ClientCapabilities, ExtensionTask, InputResponses } from '@typemcp/protocol';
import type { RequestContext } from '../dispatch/RequestContext';
import { InputRequiredSignal } from '../mrtr/InputRequiredSignal';
import { InputState } from '../mrtr/InputState';
import type { ToolEntry } from '../registry/entries';
import { newTaskRecord } from './TaskStore';
import type { TaskRecord, TaskStore } from './TaskStore';

/** The extension's identifier. */
export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';

/** True when the request's client capabilities include the tasks extension. */
export function clientWantsTasks(capabilities: ClientCapabilities): boolean {
  return capabilities.extensions?.[TASKS_EXTENSION] !== undefined;
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** Options of {@link TaskManager}. */
export interface TaskOptions {
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
    this.running.get(taskId)?.controller.abort('Task cancelled');
    this.running.delete(taskId);
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
  async start(entry: ToolEntry, args: Record<string, unknown>, request: RequestContext, answers: InputResponses = {}): Promise<ExtensionTask> {
    const task = newTaskRecord({ ttlMs: this.ttlMs, pollIntervalMs: this.pollIntervalMs, subject: request.auth?.subject, answers: { ...answers } });
    if (this.resolveTool) task.call = { name: entry.tool.name, arguments: args };
    await this.store.create(task);
    this.running.set(task.taskId, { entry, args, base: request, controller: new AbortController() });
    void this.run(task.taskId);
    return { resultType: 'task', ...this.view(task) } as ExtensionTask;
  }

  /** Runs a task created elsewhere again here, on the context of the request that answered it. */
  private adopt(record: TaskRecord, request: RequestContext): void {
    const entry = record.call && this.resolveTool?.(record.call.name);
    if (entry && !this.running.has(record.taskId)) {
      this.running.set(record.taskId, { entry, args: record.call?.arguments ?? {}, base: request, controller: new AbortController() });
    }
  }

  private async run(taskId: string): Promise<void> {
    const running = this.running.get(taskId);
    const record = await this.store.get(taskId);
    if (!running || !record) return;
    const { base, controller } = running;
    // Named field by field: the request's context is a class whose getters a spread would drop.
    const context: RequestContext = {
      requestId: base.requestId,
      era: base.era,
      protocolVersion: base.protocolVersion,
      clientCapabilities: base.clientCapabilities,
      clientInfo: base.clientInfo,
      meta: base.meta,
      connection: base.connection,
      auth: base.auth,
      headers: base.headers,
      logLevel: base.logLevel,
      taskMode: true,
      input: new InputState(record.answers, base.clientCapabilities),
      signal: controller.signal,
      sendProgress: () => Promise.resolve(),
      log: () => Promise.resolve(),
      sendNotification: () => Promise.resolve(),
      sendRequest: () => Promise.reject(new Error('A task asks the client through tasks/get inputRequests')),
    };
    let patch: Partial<TaskRecord>;
    try {
      const result = await running.entry.call(running.args, context);
      patch = { status: 'completed', result: { ...result }, inputRequests: undefined };
    } catch (error) {
      if (error instanceof InputRequiredSignal) patch = { status: 'input_required', inputRequests: error.inputRequests };
      else if (error instanceof McpError) patch = { status: 'failed', error: error.toJSON() };
      else patch = { status: 'failed', error: { code: ErrorCode.InternalError, message: `Internal error: ${(error as Error)?.message ?? String(error)}` } };
    }
    const latest = await this.store.get(taskId);
    if (!latest || TERMINAL.has(latest.status)) return; // cancelled meanwhile
    await this.store.update({ ...latest, ...patch, lastUpdatedAt: new Date().toISOString() });
    if (patch.status !== 'input_required') this.running.delete(taskId);
  }

  private async find(taskId: unknown, request: RequestContext): Promise<TaskRecord> {
    if (!clientWantsTasks(request.clientCapabilities)) {
      throw new McpError(ErrorCode.MissingRequiredClientCapability, `tasks need the client capability extension "${TASKS_EXTENSION}"`, {
        requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } },
      });
    }
    const task = typeof taskId === 'string' ? await this.store.get(taskId) : undefined;
    if (!task || task.subject !== request.auth?.subject) throw new McpError(ErrorCode.InvalidParams, `Unknown task: ${String(taskId)}`);
    return task;
  }

  /** `tasks/get`: status, and the result, error or pending questions. */
  async get(taskId: unknown, request: RequestContext): Promise<Record<string, unknown>> {
    const task = await this.find(taskId, request);
    const out = this.view(task);
    if (task.status === 'completed' && task.result) out.result = task.result;
    if (task.status === 'failed' && task.error) out.error = task.error;
    if (task.status === 'input_required' && task.inputRequests) out.inputRequests = task.inputRequests;
    return out;
  }

  /** `tasks/update`: records answers; once nothing is pending the tool runs again. */
  async update(taskId: unknown, inputResponses: unknown, request: RequestContext): Promise<Record<string, unknown>> {
    const task = await this.find(taskId, request);
    if (typeof inputResponses !== 'object' || inputResponses === null || Array.isArray(inputResponses)) {
      throw new McpError(ErrorCode.InvalidParams, 'tasks/update: "inputResponses" must be an object keyed like the inputRequests');
    }
    if (task.status !== 'input_required') return {};
    const answers: InputResponses = { ...task.answers, ...(inputResponses as InputResponses) };
    const pending = Object.fromEntries(Object.entries(task.inputRequests ?? {}).filter(([key]) => !(key in answers)));
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
    await this.store.update({ ...task, status: 'cancelled', inputRequests: undefined, lastUpdatedAt: new Date().toISOString() });
    this.abortLocal(task.taskId);
    this.oncancel?.(task.taskId);
    return {};
  }
}
