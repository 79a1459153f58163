import {
  ConnectionClosedError,
  ErrorCode,
  InMemoryTransport,
  McpError,
  RequestCancelledError,
  RequestTimeoutError,
  Session,
} from '@typemcp/protocol';
import type { JSONRPCMessage, SessionRequestHandler } from '@typemcp/protocol';

function pair(serverHandler: SessionRequestHandler, serverErrors: Error[] = []) {
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Session(a);
  const server = new Session(b, { onrequest: serverHandler, onerror: (e) => serverErrors.push(e) });
  return { client, server, start: () => Promise.all([client.start(), server.start()]) };
}

describe('Session', () => {
  it('correlates concurrent responses by id, whatever the order they come back in', async () => {
    const { client, start } = pair(async (req) => {
      const delay = Number(req.params?.delay);
      await new Promise((r) => setTimeout(r, delay));
      return { delay };
    });
    await start();
    const results = await Promise.all(
      [30, 1, 15].map((delay) => client.request('wait', { delay })),
    );
    expect(results).toEqual([{ delay: 30 }, { delay: 1 }, { delay: 15 }]);
    expect(client.pendingCount).toBe(0);
  });

  it('never reuses an id while a request is in flight', async () => {
    const seen: unknown[] = [];
    const { client, start } = pair(async (req) => {
      seen.push(req.id);
      return {};
    });
    await start();
    await Promise.all(Array.from({ length: 50 }, () => client.request('x')));
    expect(new Set(seen).size).toBe(50);
  });

  it('turns an McpError into its code and any other throw into -32603 without a stack', async () => {
    const errors: Error[] = [];
    const { client, start } = pair((req) => {
      if (req.method === 'mcp')
        throw new McpError(ErrorCode.InvalidParams, 'bad thing', { field: 'a' });
      throw new Error('boom');
    }, errors);
    await start();
    await expect(client.request('mcp')).rejects.toMatchObject({
      code: -32602,
      message: 'bad thing',
      data: { field: 'a' },
    });
    const failure = await client.request('other').catch((e: McpError) => e);
    expect(failure).toBeInstanceOf(McpError);
    expect((failure as McpError).code).toBe(-32603);
    expect((failure as McpError).message).not.toMatch(/at .*\.ts/);
    expect(errors.map((e) => e.message)).toEqual(['boom']);
  });

  it('answers -32601 when no request handler is set, and -32600 for a duplicate in-flight id', async () => {
    const [a, b] = InMemoryTransport.createLinkedPair();
    const received: JSONRPCMessage[] = [];
    a.onmessage = (m) => received.push(m);
    const server = new Session(b);
    await a.start();
    await server.start();
    await a.send({ jsonrpc: '2.0', id: 1, method: 'x' });
    await new Promise((r) => setTimeout(r, 5));
    expect(received).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found: x' } },
    ]);

    const [c, d] = InMemoryTransport.createLinkedPair();
    const got: JSONRPCMessage[] = [];
    c.onmessage = (m) => got.push(m);
    const slow = new Session(d, {
      onrequest: () => new Promise((r) => setTimeout(() => r({}), 20)),
    });
    await c.start();
    await slow.start();
    await c.send({ jsonrpc: '2.0', id: 7, method: 'x' });
    await c.send({ jsonrpc: '2.0', id: 7, method: 'x' });
    await new Promise((r) => setTimeout(r, 40));
    expect(got).toEqual([
      {
        jsonrpc: '2.0',
        id: 7,
        error: { code: -32600, message: 'Request id 7 is already in flight' },
      },
      { jsonrpc: '2.0', id: 7, result: {} },
    ]);
  });

  it('times out, sends notifications/cancelled and drops the late response', async () => {
    const aborted: unknown[] = [];
    const { client, start } = pair(
      (req, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => aborted.push(req.id));
          setTimeout(() => resolve({ late: true }), 60);
        }),
    );
    await start();
    await expect(client.request('slow', {}, { timeoutMs: 10 })).rejects.toBeInstanceOf(
      RequestTimeoutError,
    );
    await new Promise((r) => setTimeout(r, 80));
    expect(aborted).toEqual([0]);
    expect(client.pendingCount).toBe(0);
  });

  it('cancels through an AbortSignal: the handler sees its signal abort and no response is sent', async () => {
    const [a, b] = InMemoryTransport.createLinkedPair();
    const fromServer: JSONRPCMessage[] = [];
    let handlerSignal: AbortSignal | undefined;
    const client = new Session(a);
    const origReceive = client.receive.bind(client);
    client.receive = (m, e) => {
      fromServer.push(m);
      origReceive(m, e);
    };
    a.onmessage = (m, e) => client.receive(m, e);
    const server = new Session(b, {
      onrequest: (_req, ctx) => {
        handlerSignal = ctx.signal;
        return new Promise((resolve) => setTimeout(() => resolve({ done: true }), 30));
      },
    });
    await client.start();
    await server.start();
    const controller = new AbortController();
    const call = client.request('slow', {}, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort('user gave up');
    await expect(call).rejects.toBeInstanceOf(RequestCancelledError);
    await new Promise((r) => setTimeout(r, 50));
    expect(handlerSignal?.aborted).toBe(true);
    expect(handlerSignal?.reason).toBe('user gave up');
    expect(fromServer).toEqual([]);
  });

  it('routes progress to the request callback and can reset the timeout on progress, up to a hard maximum', async () => {
    const { client, start } = pair(async (req, ctx) => {
      void ctx;
      return { token: (req.params?._meta as Record<string, unknown>).progressToken };
    });
    await start();
    const progress: number[] = [];
    const result = await client.request<{ token: unknown }>(
      'p',
      { a: 1 },
      { onprogress: (p) => progress.push(p.progress) },
    );
    expect(result.token).toBe(0);

    // server that sends progress every 10 ms for 60 ms: survives a 25 ms timeout only with reset
    const [a, b] = InMemoryTransport.createLinkedPair();
    const c2 = new Session(a);
    const s2: Session = new Session(b, {
      onrequest: async (req) => {
        const token = (req.params?._meta as Record<string, unknown>).progressToken as number;
        for (let i = 1; i <= 6; i++) {
          await new Promise((r) => setTimeout(r, 10));
          await s2.notify('notifications/progress', {
            progressToken: token,
            progress: i,
            total: 6,
          });
        }
        return { ok: true };
      },
    });
    await c2.start();
    await s2.start();
    const seen: number[] = [];
    await expect(
      c2.request(
        'p',
        {},
        { timeoutMs: 25, resetTimeoutOnProgress: true, onprogress: (p) => seen.push(p.progress) },
      ),
    ).resolves.toEqual({ ok: true });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    await expect(
      c2.request(
        'p',
        {},
        {
          timeoutMs: 25,
          resetTimeoutOnProgress: true,
          maxTotalTimeoutMs: 35,
          onprogress: () => undefined,
        },
      ),
    ).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(progress).toEqual([]);
  });

  it('fails pending requests with ConnectionClosedError and aborts in-flight handlers on close', async () => {
    let signal: AbortSignal | undefined;
    const { client, server, start } = pair((_r, ctx) => {
      signal = ctx.signal;
      return new Promise(() => undefined);
    });
    await start();
    const call = client.request('hang');
    await new Promise((r) => setTimeout(r, 5));
    await server.close();
    await expect(call).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(signal?.aborted).toBe(true);
    await expect(client.request('after')).rejects.toBeInstanceOf(ConnectionClosedError);
  });
});
