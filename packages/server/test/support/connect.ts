import { InMemoryTransport } from '@typemcp/protocol';
import type { JSONRPCMessage } from '@typemcp/protocol';
import type { Server } from '@typemcp/server';

/** A raw JSON-RPC peer over an in-memory pair; `legacy()` does the handshake. */
export async function connect(server: Server) {
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const received: JSONRPCMessage[] = [];
  const waiters: Array<() => void> = [];
  client.onmessage = (m) => {
    received.push(m);
    waiters.splice(0).forEach((w) => w());
  };
  await client.start();
  await server.connect(serverSide);
  let nextId = 1;
  const peer = {
    received,
    async request(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      await client.send({ jsonrpc: '2.0', id, method, params });
      for (;;) {
        const found = received.find((m) => 'id' in m && m.id === id && !('method' in m));
        if (found)
          return found as {
            result?: Record<string, unknown> & { content?: Array<{ type: string; text?: string }> };
            error?: { code: number; message: string; data?: unknown };
          };
        await new Promise<void>((r) => waiters.push(r));
      }
    },
    async legacy() {
      await peer.request('initialize', {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 't', version: '1' },
      });
      await client.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      return peer;
    },
    notify: (method: string, params?: Record<string, unknown>) =>
      client.send(params ? { jsonrpc: '2.0', method, params } : { jsonrpc: '2.0', method }),
    notifications(method: string) {
      return received.filter((m) => 'method' in m && m.method === method);
    },
    close: () => client.close(),
  };
  return peer;
}
