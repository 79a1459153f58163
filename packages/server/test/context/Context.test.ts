import 'reflect-metadata';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';
import { connect } from '../support/connect';

const MODERN = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { sampling: {} },
  'io.modelcontextprotocol/clientInfo': { name: 'modern-client', version: '9' },
};

@McpServer({ name: 'ctx', version: '1.0.0' })
class Introspect {
  @Tool() async whoami(ctx: Context): Promise<object> {
    return {
      requestId: ctx.requestId,
      protocolVersion: ctx.protocolVersion,
      era: ctx.era,
      clientInfo: ctx.clientInfo ?? null,
      clientCapabilities: ctx.clientCapabilities,
      aborted: ctx.signal.aborted,
      hasServices: typeof ctx.services.get === 'function',
    };
  }

  @Tool() async chatty(first: string, ctx: Context, last: string): Promise<string> {
    for (const level of ['debug', 'info', 'notice', 'warning', 'error'] as const)
      await ctx[level](`${level} ${first}${last}`);
    await ctx.reportProgress(1, 1);
    return 'done';
  }
}

const levels = (messages: unknown[]) =>
  messages.map((m) => (m as { params: { level: string } }).params.level);

describe('Context', () => {
  it('is injected by type at any position, never in the schema', async () => {
    const peer = await (await connect(createServer({ providers: [Introspect] }).server)).legacy();
    const tools = (await peer.request('tools/list')).result?.tools as Array<{
      name: string;
      inputSchema: unknown;
    }>;
    expect(tools.find((t) => t.name === 'chatty')?.inputSchema).toEqual({
      type: 'object',
      properties: { first: { type: 'string' }, last: { type: 'string' } },
      required: ['first', 'last'],
    });
    expect(
      (await peer.request('tools/call', { name: 'chatty', arguments: { first: 'a', last: 'z' } }))
        .result?.content,
    ).toEqual([{ type: 'text', text: 'done' }]);
  });

  it('tells who asked, in the legacy era', async () => {
    const peer = await (await connect(createServer({ providers: [Introspect] }).server)).legacy();
    const res = await peer.request('tools/call', { name: 'whoami', arguments: {} });
    expect(res.result?.structuredContent).toEqual({
      requestId: 2,
      protocolVersion: '2025-11-25',
      era: 'legacy',
      clientInfo: { name: 't', version: '1' },
      clientCapabilities: {},
      aborted: false,
      hasServices: true,
    });
  });

  it('tells who asked, in the modern era', async () => {
    const peer = await connect(createServer({ providers: [Introspect] }).server);
    const res = await peer.request('tools/call', { name: 'whoami', arguments: {}, _meta: MODERN });
    expect(res.result?.structuredContent).toEqual({
      requestId: 1,
      protocolVersion: '2026-07-28',
      era: 'modern',
      clientInfo: { name: 'modern-client', version: '9' },
      clientCapabilities: { sampling: {} },
      aborted: false,
      hasServices: true,
    });
  });

  it('honours the level the client set with logging/setLevel (legacy)', async () => {
    const peer = await (await connect(createServer({ providers: [Introspect] }).server)).legacy();
    await peer.request('tools/call', {
      name: 'chatty',
      arguments: { first: 'a', last: 'b' },
      _meta: { progressToken: 7 },
    });
    const before = peer.notifications('notifications/message').length;
    expect(before).toBe(5); // no level set yet: the dispatcher sends every level
    await peer.request('logging/setLevel', { level: 'warning' });
    await peer.request('tools/call', { name: 'chatty', arguments: { first: 'a', last: 'b' } });
    const messages = peer.notifications('notifications/message').slice(before);
    expect(levels(messages)).toEqual(['warning', 'error']);
    expect((messages[0] as { params: unknown }).params).toEqual({
      level: 'warning',
      data: 'warning ab',
    });
    expect(peer.notifications('notifications/progress')).toHaveLength(1);
  });

  it('honours the per-request log level of the modern era', async () => {
    const peer = await connect(createServer({ providers: [Introspect] }).server);
    await peer.request('tools/call', {
      name: 'chatty',
      arguments: { first: 'a', last: 'b' },
      _meta: { ...MODERN, 'io.modelcontextprotocol/logLevel': 'notice' },
    });
    expect(levels(peer.notifications('notifications/message'))).toEqual([
      'notice',
      'warning',
      'error',
    ]);
    await peer.request('tools/call', {
      name: 'chatty',
      arguments: { first: 'a', last: 'b' },
      _meta: MODERN,
    });
    expect(levels(peer.notifications('notifications/message'))).toEqual([
      'notice',
      'warning',
      'error',
    ]);
  });
});
