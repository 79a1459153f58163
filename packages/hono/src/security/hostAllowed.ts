import type { SecurityOptions } from './SecurityOptions';

/** Host names that reach only this machine. */
export const LOCAL_HOSTNAMES: ReadonlySet<string> = new Set([
  'localhost',
  '127.0.0.1',
  '[::1]',
  '::1',
]);

/** The host name of a Host header value (`[::1]:3000` → `[::1]`, `Example.com:80` → `example.com`). */
export function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  const colon = hostHeader.indexOf(':');
  return (colon === -1 ? hostHeader : hostHeader.slice(0, colon)).toLowerCase();
}

/**
 * The DNS-rebinding check: a page on `evil.example` whose name now resolves to 127.0.0.1 still
 * sends `Host: evil.example`, so only localhost names and `allowedHosts` pass.
 *
 * @example
 * hostAllowed('evil.example:3000', {}); // false
 * hostAllowed('mcp.example.com', { allowedHosts: ['mcp.example.com'] }); // true
 */
export function hostAllowed(host: string | null, options: SecurityOptions): boolean {
  if (options.validateHost === false) return true;
  if (host === null) return false;
  const allowed = options.allowedHosts;
  if (allowed && (allowed.includes(host) || allowed.includes(hostnameOf(host)))) return true;
  return LOCAL_HOSTNAMES.has(hostnameOf(host));
}
