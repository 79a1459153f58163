import type { MessageBus, NonceStore, SessionStore, TaskStore } from '@typemcp/server';
import type { EventStore } from '../streamable/EventStore';

/**
 * Everything several nodes behind one load balancer share, so that any node can serve any
 * request: legacy sessions, stream events (resumption on another node), the bus that reaches the
 * node holding a client's stream, tasks and `requestState` nonces. `redisStores(url)` from
 * `@typemcp/redis` builds one; the in-memory classes build one for several engines in one process.
 *
 * @example
 * mcpApp(app, { stores: redisStores('redis://127.0.0.1:6379') });
 */
export interface McpStores {
  sessions: SessionStore;
  events: EventStore;
  bus: MessageBus;
  tasks?: TaskStore;
  nonces?: NonceStore;
  /**
   * The `requestState` secret every node shares, used unless the server was given its own
   * (`createServer({ requestState: { secret } })`); without either, a multi round-trip request
   * continued on another node is refused.
   */
  requestStateSecret?: string;
  /** This node's name on the bus (default: random); letters, digits and `-` only. */
  nodeId?: string;
  /** Resolves once the stores answer; rejects with a one-line error naming what is unreachable. */
  ready?(): Promise<void>;
  /** Closes the stores' connections (called by the engine only for stores it built from a URL). */
  close?(): Promise<void>;
}
