/**
 * @typemcp/redis: serve one MCP endpoint from several nodes behind a load balancer, sharing
 * legacy sessions, resumable stream events, tasks, `requestState` nonces and notifications
 * through Redis.
 *
 * @packageDocumentation
 */
export { redisStores } from './redisStores';
export type { RedisStores, RedisStoresOptions } from './redisStores';
export { RedisSessionStore } from './RedisSessionStore';
export { RedisEventStore } from './RedisEventStore';
export type { RedisEventStoreOptions } from './RedisEventStore';
export { RedisMessageBus } from './RedisMessageBus';
export { RedisTaskStore } from './RedisTaskStore';
export { RedisNonceStore } from './RedisNonceStore';
export { RedisUnavailableError, redactUrl } from './RedisUnavailableError';
export { connectRedis } from './connectRedis';
export type { RedisConnection } from './connectRedis';
