import type { ExtensionTaskInfo, TaskStatus } from '@typemcp/protocol';

/**
 * A task as the client sees it, the same in both eras (2025-11-25 `ttl`/`pollInterval` and the
 * 2026-07-28 extension's `ttlMs`/`pollIntervalMs` are read into the extension's shape).
 *
 * @example
 * await client.tasks.callTool({ name: 'report' }, { onStatus: (t: TaskInfo) => console.log(t.status) });
 */
export type TaskInfo = ExtensionTaskInfo;

/** Reads a task of either era into a {@link TaskInfo}. */
export function toTaskInfo(task: Record<string, unknown>): TaskInfo {
  const info: TaskInfo = {
    taskId: String(task.taskId),
    status: task.status as TaskStatus,
    createdAt: String(task.createdAt),
    lastUpdatedAt: String(task.lastUpdatedAt ?? task.createdAt),
    ttlMs: (task.ttlMs ?? task.ttl ?? null) as number | null,
  };
  const poll = task.pollIntervalMs ?? task.pollInterval;
  if (typeof poll === 'number') info.pollIntervalMs = poll;
  if (typeof task.statusMessage === 'string') info.statusMessage = task.statusMessage;
  return info;
}

/** True for `completed`, `failed` and `cancelled`. */
export function isTerminal(status: TaskStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}
