import type { TaskStore } from '../tasks/TaskStore';
import type { MessageBus } from './MessageBus';
import type { NonceStore } from './NonceStore';

/**
 * The stores a {@link Server} (and the `McpApp` around it) can share with other nodes: tasks,
 * `requestState` nonces, and the bus that carries task cancellations and server-wide
 * notifications. Given through `server.useStores()`; the HTTP engine does it for its `stores`.
 *
 * @example
 * app.server.useStores({ tasks: redisTasks, nonces: redisNonces, bus: redisBus });
 */
export interface SharedStores {
  tasks?: TaskStore;
  nonces?: NonceStore;
  bus?: MessageBus;
  /** The `requestState` HMAC secret every node shares (kept when the server was given its own). */
  requestStateSecret?: string;
}
