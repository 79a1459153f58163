import { randomUUID } from 'node:crypto';
import type { McpStores } from '@typemcp/hono';
import { connectRedis, DEFAULT_COMMAND_TIMEOUT_MS } from './connectRedis';
import { RedisEventStore } from './RedisEventStore';
import type { RedisEventStoreOptions } from './RedisEventStore';
import { RedisMessageBus } from './RedisMessageBus';
import { RedisNonceStore } from './RedisNonceStore';
import { RedisSessionStore } from './RedisSessionStore';
import { RedisTaskStore } from './RedisTaskStore';
import { RedisUnavailableError } from './RedisUnavailableError';

/**
 * Options of {@link redisStores}.
 *
 * @example
 * redisStores(url, { prefix: 'shop-mcp:', events: { maxEventsPerStream: 500 }, requestStateSecret: secret });
 */
export interface RedisStoresOptions {
  /** Prefix of every key and channel (default `typemcp:`): one per cluster sharing a Redis. */
  prefix?: string;
  /** This node's name on the bus (default: random). */
  nodeId?: string;
  /** How long one command may wait before the request fails with a retryable 503 (default 2 s). */
  commandTimeoutMs?: number;
  /** Bounds of the stored stream events. */
  events?: RedisEventStoreOptions;
  /** The `requestState` secret all nodes share (default: `TYPEMCP_REQUEST_STATE_SECRET`). */
  requestStateSecret?: string;
}

/**
 * The stores of one node on Redis, with the connections behind them.
 *
 * @example
 * const stores: RedisStores = redisStores(url);
 * await stores.ready(); // serve() does it for you
 */
export interface RedisStores extends McpStores {
  sessions: RedisSessionStore;
  events: RedisEventStore;
  bus: RedisMessageBus;
  tasks: RedisTaskStore;
  nonces: RedisNonceStore;
  nodeId: string;
  /** Connects (both connections); rejects with a {@link RedisUnavailableError} naming the URL. */
  ready(): Promise<void>;
  /** Closes both connections. */
  close(): Promise<void>;
}

/**
 * Everything a node shares with the others, on one Redis: legacy sessions, stream events (Redis
 * Streams), the pub/sub bus, tasks and `requestState` nonces. Give it to `serve()`/`mcpApp()` as
 * `redis` (or just give them the URL). Two connections: one for commands and publishing, one
 * for subscriptions.
 *
 * @example
 * import { serve } from '@typemcp/hono';
 * import { redisStores } from '@typemcp/redis';
 * await serve(app, { port: 3000, redis: redisStores('redis://127.0.0.1:6379') });
 */
export function redisStores(url: string, options: RedisStoresOptions = {}): RedisStores {
  const prefix = options.prefix ?? 'typemcp:';
  const nodeId = options.nodeId ?? randomUUID().slice(0, 8);
  const timeout = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const main = connectRedis(url, `typemcp-${nodeId}`, timeout);
  const sub = connectRedis(url, `typemcp-${nodeId}-sub`, timeout);
  const client = main.client;
  const subscriber = sub.client;
  let connecting: Promise<void> | undefined;
  return {
    nodeId,
    requestStateSecret:
      options.requestStateSecret ?? (process.env.TYPEMCP_REQUEST_STATE_SECRET || undefined),
    sessions: new RedisSessionStore(client, prefix),
    events: new RedisEventStore(client, prefix, { ttlMs: 30 * 60_000, ...options.events }),
    bus: new RedisMessageBus(client, subscriber, prefix),
    tasks: new RedisTaskStore(client, prefix),
    nonces: new RedisNonceStore(client, prefix),
    ready() {
      return (connecting ??= (async () => {
        try {
          const connected = await Promise.allSettled([client.connect(), subscriber.connect()]);
          for (const outcome of connected) if (outcome.status === 'rejected') throw outcome.reason;
          await client.ping();
        } catch (error) {
          client.disconnect();
          subscriber.disconnect();
          throw new RedisUnavailableError(url, main.lastError() ?? sub.lastError() ?? error);
        }
      })());
    },
    async close() {
      const end = (c: typeof client) =>
        c.status === 'ready'
          ? c.quit().then(
              () => undefined,
              () => c.disconnect(),
            )
          : c.disconnect();
      await Promise.all([end(client), end(subscriber)]);
    },
  };
}
