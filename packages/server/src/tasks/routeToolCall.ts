import { ErrorCode, isVersionAtLeast, McpError } from '@typemcp/protocol';
import type { RequestContext } from '../dispatch/RequestContext';
import { EscalateToTaskSignal } from '../mrtr/EscalateToTaskSignal';
import type { ToolEntry } from '../registry/entries';
import type { LegacyTaskManager } from './legacy/LegacyTaskManager';
import { clientWantsTasks, TASKS_EXTENSION } from './TaskManager';
import type { TaskManager } from './TaskManager';

/** The two task engines a `tools/call` may go to. */
export interface TaskEngines {
  /** The `io.modelcontextprotocol/tasks` extension (2026-07-28). */
  modern: TaskManager;
  /** The experimental tasks of 2025-11-25 sessions. */
  legacy: LegacyTaskManager;
}

/** True when the session negotiated a revision with experimental tasks (2025-11-25 or later). */
export function sessionHasTasks(request: RequestContext): boolean {
  return request.era === 'legacy' && isVersionAtLeast(request.protocolVersion, '2025-11-25');
}

/**
 * Calls a tool the way its `execution.taskSupport` and the request ask:
 * - 2026-07-28 with the tasks extension: a task tool answers with a task (or, with
 *   `taskStart: 'explicit'`, once the handler calls `ctx.runAsTask()`); without the extension a
 *   required-task tool is -32021;
 * - 2025-11-25: `params.task` makes the call task-augmented (a `CreateTaskResult`); -32601 for
 *   `params.task` on a tool without task support and for a required-task tool called without it;
 * - earlier sessions know nothing of tasks: every tool runs as a plain call.
 */
export async function routeToolCall(
  entry: ToolEntry,
  args: Record<string, unknown>,
  params: Record<string, unknown>,
  ctx: RequestContext,
  engines: TaskEngines,
): Promise<Record<string, unknown>> {
  const support = entry.tool.execution?.taskSupport;
  const taskTool = support === 'optional' || support === 'required';
  if (sessionHasTasks(ctx)) {
    const task = params.task;
    const augmented = typeof task === 'object' && task !== null && !Array.isArray(task);
    if (augmented && taskTool)
      return engines.legacy.start(entry, args, ctx, task as { ttl?: unknown }) as unknown as Record<
        string,
        unknown
      >;
    if (augmented)
      throw new McpError(
        ErrorCode.MethodNotFound,
        `The tool ${entry.tool.name} does not support task-augmented execution (execution.taskSupport is not "optional" or "required")`,
      );
    if (support === 'required')
      throw new McpError(
        ErrorCode.MethodNotFound,
        `The tool ${entry.tool.name} must be called as a task: add "task": {} to the tools/call params`,
      );
    return await entry.call(args, ctx);
  }
  if (!taskTool || ctx.era === 'legacy') return await entry.call(args, ctx); // await: fewer ticks
  if (clientWantsTasks(ctx.clientCapabilities)) {
    if (entry.taskStart !== 'explicit')
      return engines.modern.start(entry, args, ctx) as unknown as Record<string, unknown>;
    try {
      return await entry.call(args, ctx); // synchronous until the handler calls ctx.runAsTask()
    } catch (error) {
      if (error instanceof EscalateToTaskSignal)
        return engines.modern.start(entry, args, ctx, ctx.input?.answers) as unknown as Record<
          string,
          unknown
        >;
      throw error;
    }
  }
  if (support === 'required') {
    throw new McpError(
      ErrorCode.MissingRequiredClientCapability,
      `The tool ${entry.tool.name} runs only as a task: declare the "${TASKS_EXTENSION}" extension`,
      {
        requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } },
      },
    );
  }
  return await entry.call(args, ctx);
}
