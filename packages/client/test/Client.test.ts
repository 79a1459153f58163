import 'reflect-metadata';
import { InMemoryTransport } from '@typemcp/protocol';
import { Client, InvalidResultError, ProtocolNegotiationError } from '@typemcp/client';
import { Context, createServer, McpServer, Server, Tool } from '@typemcp/server';

@McpServer({ name: 'client-test', version: '1.0.0' })
class Greeter {
  @Tool()
  async greet(ctx: Context): Promise<string> {
    const who = await ctx.elicit('Who are you?', { type: 'object', properties: { name: { type: 'string' } } });
    const roots = await ctx.listRoots();
    return `Hello ${String(who.content?.name)} (${roots.length} roots)`;
  }
}

async function pair(server: Server, client: Client): Promise<void> {
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(b);
  await client.connect(a);
}

function newClient(mode?: 'auto' | 'modern' | 'legacy'): Client {
  const client = new Client({ name: 'c', version: '1' }, { mode, capabilities: { elicitation: {}, roots: {} } });
  client.setRequestHandler('elicitation/create', () => ({ action: 'accept', content: { name: 'Ada' } }));
  client.setRequestHandler('roots/list', () => ({ roots: [{ uri: 'file:///tmp' }] }));
  return client;
}

describe('Client', () => {
  it('detects the modern era against a dual-era server and answers input requests through its handlers (MRTR)', async () => {
    const client = newClient();
    await pair(createServer({ providers: [Greeter] }).server, client);
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe('2026-07-28');
    expect(client.getServerVersion()).toEqual({ name: 'client-test', version: '1.0.0' });
    const result = await client.callTool({ name: 'greet', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'Hello Ada (1 roots)' }]);
    expect(result.resultType).toBe('complete');
  });

  it('in legacy mode does the handshake and answers the same questions as server-to-client requests', async () => {
    const client = newClient('legacy');
    await pair(createServer({ providers: [Greeter] }).server, client);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    const result = await client.callTool({ name: 'greet', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'Hello Ada (1 roots)' }]);
  });

  it('falls back to initialize when the server does not know server/discover', async () => {
    const legacyOnly = new Server({ name: 'old', version: '1', supportedVersions: ['2025-06-18'] });
    legacyOnly.setRequestHandler('tools/list', () => ({ tools: [] }));
    const client = newClient();
    await pair(legacyOnly, client);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-06-18');
    await expect(client.listTools()).resolves.toEqual({ tools: [] });
  });

  it('refuses a server that speaks no modern version when forced modern', async () => {
    const legacyOnly = new Server({ name: 'old', version: '1', supportedVersions: ['2025-11-25'] });
    await expect(pair(legacyOnly, newClient('modern'))).rejects.toBeInstanceOf(ProtocolNegotiationError);
  });

  it('rejects a result with an unknown resultType', async () => {
    const server = new Server({ name: 's', version: '1' });
    server.setRequestHandler('tools/list', () => ({ tools: [], resultType: 'mystery' }));
    const client = newClient();
    await pair(server, client);
    await expect(client.listTools()).rejects.toBeInstanceOf(InvalidResultError);
  });
});
