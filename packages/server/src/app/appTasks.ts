import type { SharedStores } from '../cluster/SharedStores';
import type { Registry } from '../registry/Registry';
import { InMemoryTaskStore } from '../tasks/InMemoryTaskStore';
import { LegacyTaskManager } from '../tasks/legacy/LegacyTaskManager';
import type { TaskEngines } from '../tasks/routeToolCall';
import { TaskBudget } from '../tasks/TaskBudget';
import { TaskManager } from '../tasks/TaskManager';
import type { TaskOptions } from '../tasks/TaskManager';
import type { TaskStore } from '../tasks/TaskStore';

/** The bus channel telling every node a task was cancelled. */
const TASK_CANCEL_CHANNEL = 'tasks:cancel';

/**
 * The two task engines of an `McpApp` (the extension's and the 2025-11-25 experimental tasks),
 * sharing one store and one budget; tools are looked up in `registry`.
 */
export function createTaskEngines(
  registry: Registry,
  options: { taskStore?: TaskStore; tasks?: TaskOptions; pageSize?: number },
): TaskEngines {
  const taskStore = options.taskStore ?? new InMemoryTaskStore();
  const budget = new TaskBudget(options.tasks);
  const modern = new TaskManager(taskStore, options.tasks, budget);
  const legacy = new LegacyTaskManager(taskStore, {
    budget,
    ttlMs: options.tasks?.ttlMs ?? 10 * 60_000,
    maxTtlMs: options.tasks?.maxTtlMs ?? 60 * 60_000,
    pollIntervalMs: options.tasks?.pollIntervalMs ?? 250,
    pageSize: options.pageSize ?? 1000,
  });
  modern.resolveTool = (name) => registry.tools.get(name);
  return { modern, legacy };
}

/** Shares tasks with other nodes: one store, and cancellations carried by the bus. */
export function shareTasks(engines: TaskEngines, stores: SharedStores): void {
  if (stores.tasks) {
    engines.modern.useStore(stores.tasks);
    engines.legacy.useStore(stores.tasks);
  }
  const bus = stores.bus;
  if (!bus) return;
  void bus.subscribe(TASK_CANCEL_CHANNEL, (taskId) => {
    if (typeof taskId !== 'string') return;
    engines.modern.abortLocal(taskId);
    engines.legacy.abortLocal(taskId);
  });
  const relay = (taskId: string) =>
    void bus.publish(TASK_CANCEL_CHANNEL, taskId).catch(() => undefined);
  engines.modern.oncancel = relay;
  engines.legacy.oncancel = relay;
}
