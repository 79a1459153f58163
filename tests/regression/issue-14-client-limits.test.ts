/**
 * Issue 14, item 8: the client accepted a 400 MB JSON reply, buffered an endless SSE `data:` line,
 * and followed a 307 to another host with the body and `Mcp-Session-Id`. Hostile servers on
 * 127.0.0.1 now meet `maxResponseBytes` / `maxSseEventBytes` and a refused cross-origin redirect
 * (or one followed without the session id and credentials, by option).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CrossOriginRedirectError,
  ResponseTooLargeError,
  StreamableHTTPClientTransport,
} from '@typemcp/client';
import type { JSONRPCMessage } from '@typemcp/protocol';

jest.setTimeout(60_000);

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const servers: http.Server[] = [];

async function hostile(handler: Handler): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
}
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

const request = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} } as JSONRPCMessage;

/** Streams `total` bytes as the body of one reply, as fast as the client takes them. */
function stream(res: http.ServerResponse, head: string, filler: string, total: number): void {
  res.write(head);
  let sent = head.length;
  const chunk = filler.repeat((64 * 1024) / filler.length);
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('close', () => (sent = total));
  pump();
}

it('refuses a JSON reply over maxResponseBytes without holding it', async () => {
  const url = await hostile((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    stream(res, '{"jsonrpc":"2.0","id":1,"result":{"x":"', 'a', 200 * 1024 * 1024);
  });
  const before = process.memoryUsage().rss;
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    maxResponseBytes: 8 * 1024 * 1024,
  });
  await expect(transport.send(request)).rejects.toBeInstanceOf(ResponseTooLargeError);
  expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
});

it('answers a request whose SSE event never ends with the maxSseEventBytes error, once', async () => {
  const url = await hostile((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    stream(res, 'id: s_1\ndata: ', 'b', 200 * 1024 * 1024);
  });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    maxSseEventBytes: 4 * 1024 * 1024,
  });
  const answered = new Promise<JSONRPCMessage>((resolve) => (transport.onmessage = resolve));
  await transport.send(request);
  const reply = (await answered) as { error?: { message: string; data?: unknown } };
  expect(reply.error?.data).toEqual({ limit: 'maxSseEventBytes', value: 4 * 1024 * 1024 });
  expect(reply.error?.message).toMatch(/raise the maxSseEventBytes option/);
});

describe('a 307 to another origin', () => {
  let received: http.IncomingHttpHeaders[] = [];
  let redirecting: string;
  beforeAll(async () => {
    const elsewhere = await hostile((req, res) => {
      received.push(req.headers);
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}');
    });
    redirecting = await hostile((req, res) => {
      req.resume();
      res.writeHead(307, { location: elsewhere });
      res.end();
    });
  });
  beforeEach(() => (received = []));

  it('is refused by default: nothing reaches the other host', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(redirecting), {
      sessionId: 'secret-session',
      headers: { authorization: 'Bearer t' },
    });
    await expect(transport.send(request)).rejects.toBeInstanceOf(CrossOriginRedirectError);
    expect(received).toEqual([]);
  });

  it('is followed without the session id and credentials when asked', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(redirecting), {
      sessionId: 'secret-session',
      headers: { authorization: 'Bearer t' },
      crossOriginRedirects: 'strip-credentials',
    });
    const answered = new Promise<JSONRPCMessage>((resolve) => (transport.onmessage = resolve));
    await transport.send(request);
    expect(await answered).toMatchObject({ id: 1, result: { tools: [] } });
    expect(received).toHaveLength(1);
    expect(received[0]['mcp-session-id']).toBeUndefined();
    expect(received[0].authorization).toBeUndefined();
  });
});
