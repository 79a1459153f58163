import { randomUUID } from 'node:crypto';
import type { InputRequests, InputResponses, TaskStatus } from '@typemcp/protocol';

/**
 * One task, as a store keeps it: a task of the `io.modelcontextprotocol/tasks` extension
 * (2026-07-28) or an experimental task of a 2025-11-25 session.
 */
export interface TaskRecord {
  taskId: string;
  status: TaskStatus;
  statusMessage?: string;
  createdAt: string;
  lastUpdatedAt: string;
  ttlMs: number;
  pollIntervalMs: number;
  /** Who created it (the authenticated subject, or for 2025-11-25 tasks without authentication the session); only it may see or change the task. */
  subject?: string;
  /** The final result (completed). */
  result?: Record<string, unknown>;
  /** The JSON-RPC error (failed). */
  error?: { code: number; message: string; data?: unknown };
  /** Questions still waiting for an answer (input_required). */
  inputRequests?: InputRequests;
  /** Every answer received so far. */
  answers: InputResponses;
  /** The tool call a task runs, so that any node sharing the store can run it again with new answers. */
  call?: { name: string; arguments: Record<string, unknown> };
}

/**
 * Where tasks live. The default keeps them in memory for their `ttlMs`; implement this to keep
 * them in a database so they survive restarts and are shared by several instances.
 *
 * @example
 * createServer({ providers: [Jobs], taskStore: new InMemoryTaskStore() });
 */
export interface TaskStore {
  /** Stores a new task. */
  create(task: TaskRecord): Promise<void>;
  /** A task by id, or undefined (unknown or expired). */
  get(taskId: string): Promise<TaskRecord | undefined>;
  /** Replaces a task's record. */
  update(task: TaskRecord): Promise<void>;
  /**
   * Every live task of one owner (`subject`). Optional: without it the server does not offer
   * `tasks/list` (2025-11-25).
   */
  list?(subject: string | undefined): Promise<TaskRecord[]>;
}

/** A new `working` task with a fresh, unguessable id, created now. */
export function newTaskRecord(
  fields: Pick<TaskRecord, 'ttlMs' | 'pollIntervalMs' | 'subject' | 'answers'>,
): TaskRecord {
  const now = new Date().toISOString();
  return { taskId: randomUUID(), status: 'working', createdAt: now, lastUpdatedAt: now, ...fields };
}
