import { CrossOriginRedirectError } from '../../errors/CrossOriginRedirectError';
import { ResponseTooLargeError } from '../../errors/ResponseTooLargeError';

/** What a client's HTTP transport accepts from a server. */
export interface HttpClientLimits {
  /** Largest JSON reply body in bytes (default 32 MiB); larger → {@link ResponseTooLargeError}. */
  maxResponseBytes?: number;
  /** Largest single SSE event in bytes (default 32 MiB); larger → {@link ResponseTooLargeError}. */
  maxSseEventBytes?: number;
  /**
   * A redirect to another origin: `'refuse'` (default, {@link CrossOriginRedirectError}) or
   * `'strip-credentials'` (followed without `Mcp-Session-Id`, `Authorization`, `Cookie` and the
   * transport's own headers). Same-origin redirects are followed (at most 5).
   */
  crossOriginRedirects?: 'refuse' | 'strip-credentials';
}

/** Default of `maxResponseBytes` and `maxSseEventBytes`. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const SENSITIVE = ['mcp-session-id', 'authorization', 'cookie', 'proxy-authorization'];

/**
 * Fetches with redirects handled here rather than by fetch: same-origin ones are followed, a
 * cross-origin one is refused (or followed without credentials when asked). `extraHeaders` are
 * the transport's configured headers, dropped too when stripping.
 */
export async function fetchChecked(
  fetchImpl: typeof fetch,
  url: URL,
  init: RequestInit & { headers: Record<string, string> },
  limits: HttpClientLimits,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const origin = url.origin;
  let target = url;
  let request = init;
  for (let hop = 0; ; hop++) {
    const response = await fetchImpl(target, { ...request, redirect: 'manual' });
    const location = response.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(response.status) || !location || hop >= MAX_REDIRECTS)
      return response;
    await response.body?.cancel().catch(() => undefined);
    const next = new URL(location, target);
    if (next.origin !== origin) {
      if (limits.crossOriginRedirects !== 'strip-credentials')
        throw new CrossOriginRedirectError(origin, next.origin);
      const headers = { ...request.headers };
      for (const name of Object.keys(headers)) {
        if (SENSITIVE.includes(name.toLowerCase()) || name in extraHeaders) delete headers[name];
      }
      request = { ...request, headers };
    }
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && request.method === 'POST')
    ) {
      request = { ...request, method: 'GET', body: undefined };
    }
    target = next;
  }
}

/** Reads a body as text, refusing one over `max` bytes without holding more than that. */
export async function readTextLimited(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError('maxResponseBytes', max);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError('maxResponseBytes', max);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
