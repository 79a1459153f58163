/** Request checks that protect a local MCP server. */
export interface SecurityOptions {
  /** Origins allowed in addition to same-origin and localhost ones (e.g. `https://app.example.com`); `*` allows all. */
  allowedOrigins?: string[];
  /** Host header values allowed (host or host:port). Default when bound to localhost: localhost names only. */
  allowedHosts?: string[];
  /** Check the Host header against DNS rebinding (default: on when bound to a loopback address). */
  validateHost?: boolean;
}

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0].toLowerCase();
}

/** A present Origin that is neither same-origin, localhost nor allowed → false (403). */
export function originAllowed(origin: string | null, host: string | null, options: SecurityOptions): boolean {
  if (origin === null) return true;
  const allowed = options.allowedOrigins ?? [];
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (host && url.host.toLowerCase() === host.toLowerCase()) return true;
  return LOCAL_HOSTNAMES.has(url.hostname.toLowerCase()) && (host === null || LOCAL_HOSTNAMES.has(hostnameOf(host)));
}

/** Host header check against DNS rebinding: localhost names, or the allowed list. */
export function hostAllowed(host: string | null, options: SecurityOptions): boolean {
  if (options.validateHost === false) return true;
  if (host === null) return false;
  const allowed = options.allowedHosts;
  if (allowed && (allowed.includes(host) || allowed.includes(hostnameOf(host)))) return true;
  return LOCAL_HOSTNAMES.has(hostnameOf(host));
}
