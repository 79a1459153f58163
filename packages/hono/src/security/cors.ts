import { originAllowed } from './originAllowed';
import type { SecurityOptions } from './SecurityOptions';
import { headerOf } from '../nodeRequest';

const ALLOW_METHODS = 'GET, POST, DELETE, OPTIONS';
const ALLOW_HEADERS = new Set([
  'content-type',
  'accept',
  'authorization',
  'mcp-session-id',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'last-event-id',
]);
/** Response headers a browser client must be able to read. */
const EXPOSE_HEADERS = 'Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate';

/**
 * The answer to a CORS preflight (`OPTIONS`): 204, with the allow headers only for an allowed
 * origin. Requested headers are echoed when they are MCP's own (including any `Mcp-Param-*`).
 *
 * @example
 * if (options.cors && request.method === 'OPTIONS') return corsPreflight(request, options);
 */
export function corsPreflight(request: Request, options: SecurityOptions): Response {
  const origin = headerOf(request, 'origin');
  const host = headerOf(request, 'host');
  if (origin === null || !originAllowed(origin, host, options))
    return new Response(null, { status: 204 });
  const requested = (headerOf(request, 'access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h && (ALLOW_HEADERS.has(h) || h.startsWith('mcp-param-')));
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': ALLOW_METHODS,
      'access-control-allow-headers': [...new Set([...ALLOW_HEADERS, ...requested])].join(', '),
      'access-control-max-age': '86400',
      vary: 'Origin',
    },
  });
}

/**
 * Adds the CORS headers of an allowed origin to a response, exposing `Mcp-Session-Id` and the
 * MCP headers; returns the response (copied when its headers are immutable).
 *
 * @example
 * return withCors(request, await handle(request), options);
 */
export function withCors(request: Request, response: Response, options: SecurityOptions): Response {
  const origin = headerOf(request, 'origin');
  if (origin === null || !originAllowed(origin, headerOf(request, 'host'), options))
    return response;
  let out = response;
  try {
    out.headers.set('access-control-allow-origin', origin);
  } catch {
    out = new Response(response.body, response);
    out.headers.set('access-control-allow-origin', origin);
  }
  out.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
  out.headers.append('vary', 'Origin');
  return out;
}
