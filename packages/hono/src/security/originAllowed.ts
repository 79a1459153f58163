import type { SecurityOptions } from './SecurityOptions';
import { LOCAL_HOSTNAMES, hostnameOf } from './hostAllowed';

/**
 * Whether a request's `Origin` may use the server: absent (not a browser), same-origin, listed in
 * `allowedOrigins`, or a localhost page talking to a localhost server. Anything else gets 403.
 *
 * @example
 * originAllowed('https://evil.example', 'localhost:3000', {}); // false
 */
export function originAllowed(
  origin: string | null,
  host: string | null,
  options: SecurityOptions,
): boolean {
  if (origin === null) return true;
  const allowed = options.allowedOrigins;
  if (allowed && (allowed.includes('*') || allowed.includes(origin))) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the opaque `null` origin of sandboxed pages
  }
  if (host && url.host.toLowerCase() === host.toLowerCase()) return true;
  return (
    LOCAL_HOSTNAMES.has(url.hostname.toLowerCase()) &&
    (host === null || LOCAL_HOSTNAMES.has(hostnameOf(host)))
  );
}
