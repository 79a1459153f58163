/**
 * Redis did not answer when a node started: the one-line start-up error, naming the URL (its
 * password hidden) and the fix.
 *
 * @example
 * throw new RedisUnavailableError('redis://127.0.0.1:6379', new Error('connect ECONNREFUSED'));
 */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';

  constructor(url: string, cause: unknown) {
    super(
      `Cannot reach Redis at ${redactUrl(url)} (${(cause as Error)?.message ?? String(cause)}): start Redis there, or fix --redis / TYPEMCP_REDIS_URL`,
    );
  }
}

/**
 * A Redis URL fit for a log line: any password replaced by `***`.
 *
 * @example
 * redactUrl('redis://user:secret@cache:6379/0'); // 'redis://user:***@cache:6379/0'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}
