import { McpError } from '@typemcp/protocol';
import type {
  CallToolResult,
  InputRequests,
  ProtocolEra,
  RequestOptions,
  ServerCapabilities,
} from '@typemcp/protocol';
import { answerInputRequests } from '../answerInputRequests';
import type { ClientRequestHandler } from '../answerInputRequests';
import { UnsupportedInEraError } from '../errors/UnsupportedInEraError';
import { TaskCancelledError } from './TaskCancelledError';
import { isTerminal, toTaskInfo } from './TaskInfo';
import type { TaskInfo } from './TaskInfo';

/** What {@link ClientTasks} needs from its client. */
export interface TaskClientPort {
  era(): ProtocolEra | undefined;
  request(
    method: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<unknown>;
  getServerCapabilities(): ServerCapabilities | undefined;
  readonly handlers: ReadonlyMap<string, ClientRequestHandler>;
}

/** Options of {@link ClientTasks.callTool}. */
export interface TaskCallOptions extends RequestOptions {
  /** Retention to ask for, in ms (2025-11-25 `task.ttl`; the server may grant less). */
  ttlMs?: number;
  /** Called with each status seen while polling. */
  onStatus?: (task: TaskInfo) => void;
  /** Polling interval when the server suggests none (ms, default 1000). */
  pollIntervalMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), {
      once: true,
    });
  });

/**
 * Tasks from the client side, in both eras: run a tool as a task and wait for its result
 * (polling at the server's interval, answering its questions with the client's handlers), or
 * follow tasks one call at a time.
 * - 2025-11-25: `tools/call` with `params.task`, `tasks/get`, `tasks/result` (the server's
 *   questions arrive while it is open and are answered by the client's handlers), `tasks/list`,
 *   `tasks/cancel`.
 * - 2026-07-28 (`io.modelcontextprotocol/tasks`, declared in the client's `capabilities.extensions`):
 *   the server decides to answer with a task; `tasks/get`, `tasks/update` with the answers,
 *   `tasks/cancel`. `client.callTool` already waits for such tasks.
 *
 * @example
 * const result = await client.tasks.callTool({ name: 'export', arguments: { year: 2026 } }, {
 *   onStatus: (task) => console.log(task.status, task.statusMessage),
 * });
 */
export class ClientTasks {
  constructor(private readonly client: TaskClientPort) {}

  /**
   * Calls a tool as a task where the server supports it (else as a plain call) and resolves with
   * its final `CallToolResult`; a JSON-RPC error of the task rejects as that {@link McpError}, a
   * cancelled task as {@link TaskCancelledError}.
   */
  async callTool(
    params: { name: string; arguments?: Record<string, unknown>; _meta?: Record<string, unknown> },
    options: TaskCallOptions = {},
  ): Promise<CallToolResult> {
    const { ttlMs, onStatus, pollIntervalMs, ...requestOptions } = options;
    const legacyTasks =
      this.client.era() === 'legacy' &&
      this.client.getServerCapabilities()?.tasks?.requests?.tools?.call !== undefined;
    const sent: Record<string, unknown> = legacyTasks
      ? { ...params, task: ttlMs === undefined ? {} : { ttl: ttlMs } }
      : { ...params };
    const first = (await this.client.request('tools/call', sent, requestOptions)) as Record<
      string,
      unknown
    >;
    if (legacyTasks && typeof first.task === 'object' && first.task !== null) {
      return this.waitLegacy(toTaskInfo(first.task as Record<string, unknown>), {
        ...requestOptions,
        onStatus,
        pollIntervalMs,
      });
    }
    if (first.resultType === 'task')
      return this.waitModern(toTaskInfo(first), { ...requestOptions, onStatus, pollIntervalMs });
    return first as unknown as CallToolResult;
  }

  /** The task's current state (`tasks/get`). */
  async get(taskId: string, options?: RequestOptions): Promise<TaskInfo> {
    return toTaskInfo(
      (await this.client.request('tasks/get', { taskId }, options)) as Record<string, unknown>,
    );
  }

  /** Cancels a task (`tasks/cancel`); 2025-11-25 servers refuse one already final with -32602. */
  async cancel(taskId: string, options?: RequestOptions): Promise<void> {
    await this.client.request('tasks/cancel', { taskId }, options);
  }

  /** 2025-11-25: the caller's tasks, one page (`tasks/list`). */
  async list(
    cursor?: string,
    options?: RequestOptions,
  ): Promise<{ tasks: TaskInfo[]; nextCursor?: string }> {
    if (this.client.era() !== 'legacy')
      throw new UnsupportedInEraError('tasks/list', this.client.era() ?? 'modern');
    const page = (await this.client.request(
      'tasks/list',
      cursor === undefined ? {} : { cursor },
      options,
    )) as { tasks: Array<Record<string, unknown>>; nextCursor?: string };
    return page.nextCursor === undefined
      ? { tasks: page.tasks.map(toTaskInfo) }
      : { tasks: page.tasks.map(toTaskInfo), nextCursor: page.nextCursor };
  }

  /** 2025-11-25: waits for the task to end and returns what the call would have (`tasks/result`). */
  async result(taskId: string, options?: RequestOptions): Promise<CallToolResult> {
    if (this.client.era() !== 'legacy')
      throw new UnsupportedInEraError('tasks/result', this.client.era() ?? 'modern');
    return (await this.client.request('tasks/result', { taskId }, options)) as CallToolResult;
  }

  /** @internal Follows a 2025-11-25 task to its end. */
  private async waitLegacy(
    task: TaskInfo,
    options: RequestOptions & Pick<TaskCallOptions, 'onStatus' | 'pollIntervalMs'>,
  ): Promise<CallToolResult> {
    options.onStatus?.(task);
    let current = task;
    // Poll until the task is final or needs input; tasks/result then blocks, carrying the server's questions.
    while (!isTerminal(current.status) && current.status !== 'input_required') {
      await sleep(current.pollIntervalMs ?? options.pollIntervalMs ?? 1000, options.signal);
      current = await this.get(task.taskId, options);
      options.onStatus?.(current);
    }
    if (current.status === 'cancelled')
      throw new TaskCancelledError(task.taskId, current.statusMessage);
    return this.result(task.taskId, { ...options, timeoutMs: options.timeoutMs ?? 24 * 3600_000 });
  }

  /** Follows a 2026-07-28 extension task to its end, answering its questions (`client.callTool` does this for you). */
  async waitModern(
    task: TaskInfo,
    options: RequestOptions & Pick<TaskCallOptions, 'onStatus' | 'pollIntervalMs'>,
  ): Promise<CallToolResult> {
    options.onStatus?.(task);
    const signal = options.signal ?? new AbortController().signal;
    let pollMs = task.pollIntervalMs ?? options.pollIntervalMs ?? 1000;
    for (;;) {
      await sleep(pollMs, signal);
      const detailed = (await this.client.request(
        'tasks/get',
        { taskId: task.taskId },
        options,
      )) as Record<string, unknown>;
      const info = toTaskInfo(detailed);
      options.onStatus?.(info);
      pollMs = info.pollIntervalMs ?? pollMs;
      if (info.status === 'completed') return detailed.result as CallToolResult;
      if (info.status === 'failed')
        throw McpError.fromError(
          detailed.error as { code: number; message: string; data?: unknown },
        );
      if (info.status === 'cancelled')
        throw new TaskCancelledError(task.taskId, info.statusMessage);
      if (info.status === 'input_required' && detailed.inputRequests) {
        const inputResponses = await answerInputRequests(
          detailed.inputRequests as InputRequests,
          this.client.handlers,
          signal,
        );
        await this.client.request('tasks/update', { taskId: task.taskId, inputResponses }, options);
      }
    }
  }
}
