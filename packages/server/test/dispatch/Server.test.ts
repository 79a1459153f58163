import { McpError, ErrorCode } from '@typemcp/protocol';
import { Server } from '@typemcp/server';
import { connect } from '../support/connect';

const MODERN = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' },
};

const rawPeer = connect;

function demoServer() {
  const server = new Server({
    name: 'demo',
    version: '1.2.3',
    instructions: 'Use add.',
    onerror: () => undefined,
  });
  server.setRequestHandler('tools/list', () => ({
    tools: [{ name: 'add', inputSchema: { type: 'object' } }],
  }));
  server.setRequestHandler('tools/call', async (params, ctx) => {
    if (params.name === 'fail') throw new Error('kaboom');
    if (params.name === 'log') {
      await ctx.log('debug', 'debug line');
      await ctx.log('error', 'error line');
      return { content: [] };
    }
    if (params.name !== 'add')
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
    const args = params.arguments as { a: number; b: number };
    await ctx.sendProgress(1, 2);
    await ctx.sendProgress(1, 2); // not increasing: dropped
    await ctx.sendProgress(2, 2, 'done');
    return { content: [{ type: 'text', text: String(args.a + args.b) }] };
  });
  server.setRequestHandler('resources/read', (params) => {
    throw new McpError(ErrorCode.ResourceNotFound, `Resource not found: ${params.uri}`, {
      uri: params.uri,
    });
  });
  return server;
}

describe('Server (legacy era)', () => {
  it('negotiates the version, derives capabilities and returns serverInfo and instructions', async () => {
    const peer = await rawPeer(demoServer());
    const init = await peer.request('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: { roots: {} },
      clientInfo: { name: 'c', version: '1' },
    });
    expect(init.result).toEqual({
      protocolVersion: '2025-06-18',
      capabilities: { logging: {}, tools: { listChanged: true }, resources: { listChanged: true } },
      serverInfo: { name: 'demo', version: '1.2.3' },
      instructions: 'Use add.',
    });
  });

  it('answers an unknown requested version with its latest legacy version', async () => {
    const peer = await rawPeer(demoServer());
    const init = await peer.request('initialize', {
      protocolVersion: '2099-01-01',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    });
    expect(init.result?.protocolVersion).toBe('2025-11-25');
  });

  it('rejects requests before initialize but answers ping', async () => {
    const peer = await rawPeer(demoServer());
    expect((await peer.request('ping')).result).toEqual({});
    const early = await peer.request('tools/list');
    expect(early.error?.code).toBe(-32602);
    expect(early.error?.message).toMatch(/initialize/);
  });

  it('serves tools, progress, -32601, -32602, -32603 and -32002 in a session', async () => {
    const peer = await rawPeer(demoServer());
    await peer.request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    });
    await peer.notify('notifications/initialized');
    const call = await peer.request('tools/call', {
      name: 'add',
      arguments: { a: 2, b: 3 },
      _meta: { progressToken: 'tok' },
    });
    expect(call.result).toEqual({ content: [{ type: 'text', text: '5' }] });
    const progress = peer.received.filter(
      (m) => 'method' in m && m.method === 'notifications/progress',
    );
    expect(progress.map((m) => (m as { params: unknown }).params)).toEqual([
      { progressToken: 'tok', progress: 1, total: 2 },
      { progressToken: 'tok', progress: 2, total: 2, message: 'done' },
    ]);
    expect((await peer.request('prompts/list')).error).toEqual({
      code: -32601,
      message: 'Method not found: prompts/list',
    });
    expect((await peer.request('tools/call', { name: 'nope' })).error).toEqual({
      code: -32602,
      message: 'Unknown tool: nope',
    });
    expect((await peer.request('tools/call', { name: 'fail' })).error).toEqual({
      code: -32603,
      message: 'Internal error: kaboom',
    });
    expect((await peer.request('resources/read', { uri: 'x://y' })).error?.code).toBe(-32002);
    expect((await peer.request('server/discover')).error?.code).toBe(-32601);
  });

  it('honours logging/setLevel and rejects unknown levels', async () => {
    const peer = await rawPeer(demoServer());
    await peer.request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    });
    expect((await peer.request('logging/setLevel', { level: 'loud' })).error?.code).toBe(-32602);
    expect((await peer.request('logging/setLevel', { level: 'warning' })).result).toEqual({});
    await peer.request('tools/call', { name: 'log' });
    const logs = peer.received.filter((m) => 'method' in m && m.method === 'notifications/message');
    expect(logs.map((m) => (m as { params: unknown }).params)).toEqual([
      { level: 'error', data: 'error line' },
    ]);
  });

  it('refuses a second initialize on the same connection', async () => {
    const peer = await rawPeer(demoServer());
    const params = {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    };
    await peer.request('initialize', params);
    expect((await peer.request('initialize', params)).error?.code).toBe(-32600);
  });

  it('broadcasts list changes to initialized sessions only', async () => {
    const server = demoServer();
    const a = await rawPeer(server);
    const b = await rawPeer(server);
    await a.request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    });
    server.sendToolListChanged();
    await new Promise((r) => setTimeout(r, 5));
    expect(
      a.received.some((m) => 'method' in m && m.method === 'notifications/tools/list_changed'),
    ).toBe(true);
    expect(b.received).toEqual([]);
  });
});

describe('Server (modern era, 2026-07-28)', () => {
  it('serves server/discover with versions, capabilities, caching hints and serverInfo', async () => {
    const peer = await rawPeer(demoServer());
    const res = await peer.request('server/discover', { _meta: MODERN });
    expect(res.result).toEqual({
      resultType: 'complete',
      supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
      capabilities: { logging: {}, tools: { listChanged: true }, resources: { listChanged: true } },
      instructions: 'Use add.',
      ttlMs: 0,
      cacheScope: 'public',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'demo', version: '1.2.3' } },
    });
  });

  it('serves each request statelessly with resultType and serverInfo, without initialize', async () => {
    const peer = await rawPeer(demoServer());
    const res = await peer.request('tools/call', {
      name: 'add',
      arguments: { a: 1, b: 1 },
      _meta: MODERN,
    });
    expect(res.result).toEqual({
      content: [{ type: 'text', text: '2' }],
      resultType: 'complete',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'demo', version: '1.2.3' } },
    });
    const list = await peer.request('tools/list', { _meta: MODERN });
    expect(list.result).toMatchObject({ resultType: 'complete', ttlMs: 0, cacheScope: 'public' });
  });

  it('answers the modern errors: -32022 with supported, -32602 for missing _meta fields, -32601 for removed methods', async () => {
    const peer = await rawPeer(demoServer());
    const bad = await peer.request('tools/list', {
      _meta: { ...MODERN, 'io.modelcontextprotocol/protocolVersion': '1900-01-01' },
    });
    expect(bad.error).toEqual({
      code: -32022,
      message: 'Unsupported protocol version: 1900-01-01',
      data: {
        supported: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
        requested: '1900-01-01',
      },
    });
    const noCaps = await peer.request('tools/list', {
      _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
    });
    expect(noCaps.error?.code).toBe(-32602);
    expect(noCaps.error?.message).toMatch(/clientCapabilities/);
    expect((await peer.request('ping', { _meta: MODERN })).error?.code).toBe(-32601);
    expect(
      (await peer.request('logging/setLevel', { level: 'info', _meta: MODERN })).error?.code,
    ).toBe(-32601);
    expect(
      (await peer.request('resources/read', { uri: 'x://y', _meta: MODERN })).error?.code,
    ).toBe(-32602);
    expect(
      (
        await peer.request('tools/list', {
          _meta: { ...MODERN, 'io.modelcontextprotocol/logLevel': 'loud' },
        })
      ).error?.code,
    ).toBe(-32602);
  });

  it('sends log messages only when the request carried a logLevel, at or above it', async () => {
    const peer = await rawPeer(demoServer());
    await peer.request('tools/call', { name: 'log', _meta: MODERN });
    expect(peer.received.filter((m) => 'method' in m)).toEqual([]);
    await peer.request('tools/call', {
      name: 'log',
      _meta: { ...MODERN, 'io.modelcontextprotocol/logLevel': 'debug' },
    });
    const logs = peer.received.filter((m) => 'method' in m && m.method === 'notifications/message');
    expect(logs).toHaveLength(2);
  });

  it('serves a modern request on a connection that is also a legacy session', async () => {
    const peer = await rawPeer(demoServer());
    await peer.request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    });
    const res = await peer.request('tools/list', { _meta: MODERN });
    expect(res.result?.resultType).toBe('complete');
  });
});
