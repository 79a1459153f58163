import { serve as serveNode } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** Something that answers fetch requests (a Hono app). */
export interface FetchApp {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

/** A real HTTP server on 127.0.0.1 port 0 whose app is built once the origin is known. */
export async function listenLate(
  build: (origin: string) => FetchApp,
): Promise<{ origin: string; close(): Promise<void> }> {
  let app: FetchApp | undefined; // assigned once the origin is known
  const server = await new Promise<ReturnType<typeof serveNode>>((resolve) => {
    const s = serveNode(
      {
        fetch: (request: Request, env: unknown) => (app as FetchApp).fetch(request, env),
        hostname: '127.0.0.1',
        port: 0,
      },
      () => resolve(s),
    );
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = build(origin);
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 't', version: '1' },
  },
};

/** POSTs a JSON-RPC message with a bearer token (JSON replies). */
export function post(
  url: string,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const h: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    ...headers,
  };
  if (token) h.authorization = `Bearer ${token}`;
  return fetch(url, { method: 'POST', headers: h, body: JSON.stringify(body) });
}
