import Redis from 'ioredis';

/** How long a command may wait for Redis before it fails (the request then gets a retryable 503). */
export const DEFAULT_COMMAND_TIMEOUT_MS = 2000;

/**
 * A connection, with the last connection error it met (a failed first connect says only "closed").
 *
 * @example
 * const { client, lastError } = connectRedis(url, 'node-a');
 */
export interface RedisConnection {
  client: Redis;
  lastError(): Error | undefined;
}

/**
 * A Redis connection as the stores use it: no offline queue and a command timeout, so that while
 * Redis is away a command fails at once with a clear error instead of waiting. The first connect
 * is tried once (start-up fails fast); once connected, it reconnects forever in the background
 * (every 50 ms to 1 s), so a node recovers without a restart.
 *
 * @example
 * const { client } = connectRedis('redis://127.0.0.1:6379', 'typemcp-node-a');
 * await client.connect();
 */
export function connectRedis(
  url: string,
  name: string,
  commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
): RedisConnection {
  let connectedOnce = false;
  let last: Error | undefined;
  const client = new Redis(url, {
    lazyConnect: true,
    connectionName: name, // shows in CLIENT LIST
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: (attempt) => (connectedOnce ? Math.min(50 * attempt, 1000) : null),
  });
  client.on('ready', () => {
    connectedOnce = true;
    // only now: the timers of the handshake's own commands would outlive a failed first connect
    client.options.commandTimeout = commandTimeoutMs;
  });
  client.on('error', (error: Error) => (last = error)); // failures surface on the commands; reconnection goes on
  return { client, lastError: () => last };
}
