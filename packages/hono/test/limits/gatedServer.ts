/**
 * A low-level server whose `tools/call` waits at a gate the test opens: `hold` waits quietly,
 * `stream` sends a progress notification first (so a 2026-07-28 reply becomes SSE), anything else
 * answers at once. Used to fill the engine up to a limit and then let the load drop.
 */
import { Server } from '@typemcp/server';

/** The server and its gate. */
export interface GatedServer {
  server: Server;
  /** Calls waiting at the gate now. */
  readonly waiting: number;
  /** Calls whose handler saw its signal abort. */
  readonly cancelled: number;
  /** Lets every waiting call (and every later one) answer. */
  open(): void;
  /** Closes the gate again for later calls. */
  close(): void;
}

/** A fresh gated server. */
export function gatedServer(): GatedServer {
  const server = new Server({ name: 'gated', version: '1.0.0', onerror: () => undefined });
  let release: (() => void) | undefined;
  let gate = new Promise<void>((resolve) => (release = resolve));
  let waiting = 0;
  let cancelled = 0;
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  server.setRequestHandler('tools/call', async (params, ctx) => {
    const name = String(params.name);
    if (name === 'stream') await ctx.sendProgress(1, 2, 'started');
    if ((name === 'hold' || name === 'stream') && !ctx.signal.aborted) {
      waiting++;
      await Promise.race([
        gate,
        new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true })),
      ]);
      waiting--;
    }
    if (ctx.signal.aborted) cancelled++;
    return { content: [{ type: 'text', text: `${name} done` }] };
  });
  server.addCapabilities({ tools: { listChanged: true } });
  return {
    server,
    get waiting() {
      return waiting;
    },
    get cancelled() {
      return cancelled;
    },
    open: () => release?.(),
    close: () => {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

/** Expects `res` to be the refusal of limit `limit` (status, Retry-After, JSON-RPC body naming the option). */
export async function expectLimit(
  res: Response,
  status: number,
  limit: string,
  id?: unknown,
  retryAfter = '1',
): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('retry-after')).toBe(retryAfter);
  expect(res.headers.get('content-type')).toBe('application/json');
  const body = (await res.json()) as {
    jsonrpc: string;
    id?: unknown;
    error: { code: number; message: string; data: { limit: string } };
  };
  expect(body.jsonrpc).toBe('2.0');
  expect(body.id).toEqual(id);
  expect(body.error.code).toBe(-32603);
  expect(body.error.message).toContain(`raise the ${limit} option`);
  expect(body.error.data.limit).toBe(limit);
}
