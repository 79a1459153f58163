import { Server } from '@typemcp/server';
import type { ServerCapabilities } from '@typemcp/protocol';
import { connect } from '../support/connect';

const TASKS: ServerCapabilities = { tasks: { cancel: {}, requests: { tools: { call: {} } } } };

describe('framework hooks given through ServerOptions', () => {
  it('defaults to no headers, no scopes, no session capabilities', () => {
    const server = new Server({ name: 'plain', version: '1.0.0' });
    expect(server.toolParamHeaders('any')).toBeUndefined();
    expect(server.requiredScopes('tools/call', { name: 'any' })).toBeUndefined();
    expect(server.allScopes()).toEqual([]);
    expect(server.sessionCapabilities).toBeUndefined();
  });

  it('serves the hooks as the Server properties hono reads', () => {
    const server = new Server({
      name: 'hooked',
      version: '1.0.0',
      toolParamHeaders: (tool) => (tool === 'route' ? { region: 'Region' } : undefined),
      requiredScopes: (method) => (method === 'tools/call' ? ['write'] : undefined),
      allScopes: () => ['read', 'write'],
    });
    expect(server.toolParamHeaders('route')).toEqual({ region: 'Region' });
    expect(server.toolParamHeaders('other')).toBeUndefined();
    expect(server.requiredScopes('tools/call', {})).toEqual(['write']);
    expect(server.requiredScopes('tools/list', {})).toBeUndefined();
    expect(server.allScopes()).toEqual(['read', 'write']);
  });

  it('reads sessionCapabilities at each initialize, for 2025-11-25 sessions only', async () => {
    let declared: ServerCapabilities | undefined;
    const server = new Server({
      name: 'tasks',
      version: '1.0.0',
      sessionCapabilities: () => declared,
    });
    const before = await (
      await connect(server)
    ).request('initialize', { protocolVersion: '2025-11-25', capabilities: {} });
    expect(before.result?.capabilities).toEqual(server.capabilities);
    declared = TASKS;
    const after = await (
      await connect(server)
    ).request('initialize', { protocolVersion: '2025-11-25', capabilities: {} });
    expect(after.result?.capabilities).toEqual({ ...server.capabilities, ...TASKS });
    const older = await (
      await connect(server)
    ).request('initialize', { protocolVersion: '2025-06-18', capabilities: {} });
    expect(older.result?.capabilities).toEqual(server.capabilities);
    await server.close();
  });

  it('tells the onstores hook about shared stores', () => {
    const seen: unknown[] = [];
    const server = new Server({
      name: 'cluster',
      version: '1.0.0',
      onstores: (stores) => seen.push(stores),
    });
    const stores = {};
    server.useStores(stores);
    expect(seen).toEqual([stores]);
  });
});
