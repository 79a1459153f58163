/**
 * A task ended as `cancelled` before it produced a result (someone called `tasks/cancel`, or the
 * server gave up on it).
 *
 * @example
 * try { await client.tasks.callTool({ name: 'export' }); } catch (e) { if (e instanceof TaskCancelledError) retry(); }
 */
export class TaskCancelledError extends Error {
  override readonly name = 'TaskCancelledError';

  constructor(
    /** The cancelled task. */
    readonly taskId: string,
    statusMessage?: string,
  ) {
    super(`Task ${taskId} was cancelled${statusMessage ? `: ${statusMessage}` : ''}`);
  }
}
