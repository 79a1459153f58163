/**
 * A tiny HTTP load balancer for the multi-node tests: each request goes to the next live node in
 * turn (no sticky routing), bodies and SSE streams piped both ways; a node that refuses the
 * connection is skipped. It records which node served each request.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface RoundRobinProxy {
  url: string;
  /** `METHOD node` per request, in order. */
  readonly log: string[];
  close(): Promise<void>;
}

/**
 * Starts the proxy in front of `targets` (base URLs, e.g. `http://127.0.0.1:4001`).
 *
 * @example
 * const proxy = await startRoundRobinProxy(nodes.map((n) => n.url));
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  let turn = 0;
  const log: string[] = [];
  const forward = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
    attempt: number,
  ): void => {
    const target = new URL(targets[turn++ % targets.length]);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (reply) => {
        log.push(`${req.method} ${target.port}`);
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
        reply.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (!res.headersSent && error.code === 'ECONNREFUSED' && attempt < targets.length)
        return forward(req, res, body, attempt + 1);
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
