/**
 * A raw HTTP/1.1 client for the hardening tests, on node:http with keep-alive: exact control of
 * methods, headers and bodies (nothing normalised as fetch would), a deadline per request, and
 * SSE responses that are either read to their end or cut after their first bytes.
 */
import * as http from 'node:http';

/** One request as sent. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * Cut an SSE response after its first chunk (or 100 ms after its headers when no chunk came),
   * instead of reading it to its end.
   */
  cut?: boolean;
  /** Abort the request this many ms after sending it (the reply, if any, is thrown away). */
  abortAfterMs?: number;
  /** Sees each chunk of the body as it arrives (e.g. an SSE stream's events). */
  ondata?: (text: string) => void;
}

/** One response as received. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** True when the response was cut by the client (`cut`), so `body` may be partial. */
  cut: boolean;
}

/**
 * Sends requests over a keep-alive agent to one base URL.
 *
 * @example
 * const peer = new HttpPeer(url, 16);
 * const res = await peer.send({ method: 'POST', path: '/mcp', headers, body });
 * peer.destroy();
 */
export class HttpPeer {
  readonly agent: http.Agent;
  private readonly base: URL;

  constructor(
    url: string,
    maxSockets = 16,
    private readonly timeoutMs = 15_000,
  ) {
    this.base = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Sends one request; rejects on a connection error or when no full answer came in time. */
  send(request: RawRequest): Promise<RawResponse> {
    return new Promise<RawResponse>((resolve, reject) => {
      const headers = { ...request.headers };
      // node:http sends a DELETE/OPTIONS body with no length unless told: say it, as clients must
      if (request.body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(request.body));
      const req = http.request({
        host: this.base.hostname,
        port: this.base.port,
        method: request.method,
        path: request.path,
        headers,
        agent: this.agent,
      });
      const timer = setTimeout(() => {
        req.destroy(
          new Error(`no answer within ${this.timeoutMs} ms: ${request.method} ${request.path}`),
        );
      }, this.timeoutMs);
      const done = (fn: () => void) => {
        clearTimeout(timer);
        fn();
      };
      req.on('error', (error) => done(() => reject(error)));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        const finish = (cut: boolean) =>
          done(() =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              cut,
            }),
          );
        if (request.cut && String(res.headers['content-type']).startsWith('text/event-stream')) {
          const cut = () => {
            clearTimeout(quiet);
            res.destroy();
            finish(true);
          };
          const quiet = setTimeout(cut, 100);
          res.once('data', (chunk: Buffer) => {
            chunks.push(chunk);
            cut();
          });
          res.on('error', () => undefined);
          return;
        }
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          request.ondata?.(chunk.toString('utf8'));
        });
        res.on('end', () => finish(false));
        res.on('error', (error) => done(() => reject(error)));
      });
      if (request.abortAfterMs !== undefined) {
        setTimeout(() => {
          req.destroy();
          done(() => resolve({ status: 0, headers: {}, body: '', cut: true }));
        }, request.abortAfterMs);
      }
      req.end(request.body);
    });
  }

  /** Closes every socket of the agent. */
  destroy(): void {
    this.agent.destroy();
  }
}
