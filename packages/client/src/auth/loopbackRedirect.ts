import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Options of {@link loopbackRedirect}.
 *
 * @example
 * const loopback = await loopbackRedirect({ port: 8765, timeoutMs: 120_000 });
 */
export interface LoopbackRedirectOptions {
  /** Port on 127.0.0.1 (default 0: any free one; register a fixed one if the server needs it). */
  port?: number;
  /** Path of the callback (default `/callback`). */
  path?: string;
  /** How long to wait for the browser (default 5 min). */
  timeoutMs?: number;
  /** The page the browser shows once back (default: a short "you may close this window"). */
  successHtml?: string;
}

/**
 * A loopback redirect listener (RFC 8252 §7.3).
 *
 * @example
 * const callback: URL = await loopback.waitForCallback();
 */
export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback`: put it in `clientMetadata.redirect_uris`. */
  redirectUri: string;
  /** Resolves with the next callback URL the browser arrives at (one login; call again for a step-up). */
  waitForCallback(): Promise<URL>;
  /** Stops listening. */
  close(): void;
}

/**
 * Listens on 127.0.0.1 for the authorization server's redirect, for command-line apps: open the
 * authorization URL in a browser and await `waitForCallback()`.
 *
 * @example
 * const loopback = await loopbackRedirect();
 * const provider = { clientMetadata: { client_name: 'cli', redirect_uris: [loopback.redirectUri] },
 *   redirectToAuthorization: (url: URL) => { console.log(`Open ${url}`); return loopback.waitForCallback(); } };
 */
export async function loopbackRedirect(
  options: LoopbackRedirectOptions = {},
): Promise<LoopbackRedirect> {
  const path = options.path ?? '/callback';
  let waiting: ((url: URL) => void) | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== path || !waiting)
      return void res.writeHead(404).end();
    const deliver = waiting;
    waiting = undefined;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      options.successHtml ??
        '<!doctype html><meta charset="utf-8"><p>Signed in. You may close this window.</p>',
      () => deliver(new URL(`${redirectUri}${url.search}`)),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  server.unref();
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return {
    redirectUri,
    waitForCallback: () =>
      new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = undefined;
          reject(new Error('No authorization callback arrived in time'));
        }, options.timeoutMs ?? 300_000);
        waiting = (url) => {
          clearTimeout(timer);
          resolve(url);
        };
      }),
    close: () => {
      server.close();
      server.closeIdleConnections?.();
    },
  };
}
