import { MissingPackageError } from '@typemcp/server';
import type { McpStores } from './McpStores';

/** What `@typemcp/redis` offers the engine (loaded lazily: this package never depends on it). */
interface RedisModule {
  redisStores(url: string): McpStores;
}

/**
 * The shared stores an engine's options ask for: `stores` as given, `redis` as given or built
 * from its URL by `@typemcp/redis` (then `owned`: the engine closes them). A URL without that
 * package installed is a start-up error naming the package.
 *
 * @example
 * const { stores, owned } = resolveStores({ redis: process.env.TYPEMCP_REDIS_URL });
 */
export function resolveStores(options: { stores?: McpStores; redis?: string | McpStores }): {
  stores?: McpStores;
  owned: boolean;
} {
  if (options.stores) return { stores: options.stores, owned: false };
  if (typeof options.redis === 'object') return { stores: options.redis, owned: false };
  if (typeof options.redis !== 'string' || options.redis === '') return { owned: false };
  let redis: RedisModule;
  try {
    redis = require('@typemcp/redis') as RedisModule;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      code === 'MODULE_NOT_FOUND' &&
      String((error as Error).message).includes('@typemcp/redis')
    ) {
      throw new MissingPackageError(
        '@typemcp/redis',
        `Sharing sessions through Redis (${options.redis})`,
      );
    }
    throw error;
  }
  return { stores: redis.redisStores(options.redis), owned: true };
}
