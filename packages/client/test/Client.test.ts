import 'reflect-metadata';
import { InMemoryTransport, RequestCancelledError } from '@typemcp/protocol';
import type { JSONRPCMessage, JSONRPCRequest } from '@typemcp/protocol';
import {
  Client,
  InvalidResultError,
  MissingRequestHandlerError,
  NotConnectedError,
  ProtocolNegotiationError,
  UnsupportedInEraError,
} from '@typemcp/client';
import { Context, createServer, McpServer, Server, Tool } from '@typemcp/server';

@McpServer({ name: 'client-test', version: '1.0.0' })
class Greeter {
  @Tool()
  async greet(ctx: Context): Promise<string> {
    const who = await ctx.elicit('Who are you?', {
      type: 'object',
      properties: { name: { type: 'string' } },
    });
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
  const client = new Client(
    { name: 'c', version: '1' },
    { mode, capabilities: { elicitation: {}, roots: {} } },
  );
  client.setRequestHandler('elicitation/create', () => ({
    action: 'accept',
    content: { name: 'Ada' },
  }));
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
    await expect(pair(legacyOnly, newClient('modern'))).rejects.toBeInstanceOf(
      ProtocolNegotiationError,
    );
  });

  it('rejects a result with an unknown resultType', async () => {
    const server = new Server({ name: 's', version: '1' });
    server.setRequestHandler('tools/list', () => ({ tools: [], resultType: 'mystery' }));
    const client = newClient();
    await pair(server, client);
    await expect(client.listTools()).rejects.toBeInstanceOf(InvalidResultError);
  });
});

let waitAborted = false;

/** A low-level server with a bit of everything, for the typed methods. */
function fullServer(): Server {
  const server = new Server({ name: 'full', version: '2.0.0', instructions: 'Use add' });
  const tools = ['a', 'b', 'c', 'd', 'e'].map((name) => ({
    name,
    inputSchema: { type: 'object' as const },
  }));
  server.setRequestHandler('tools/list', (params) => {
    const start = Number(params.cursor ?? 0);
    const page = tools.slice(start, start + 2);
    return start + 2 < tools.length
      ? { tools: page, nextCursor: String(start + 2) }
      : { tools: page };
  });
  server.setRequestHandler('tools/call', async (params, ctx) => {
    if (params.name === 'ask') {
      const answer = await ctx.sendRequest('sampling/createMessage', {
        messages: [],
        maxTokens: 5,
      });
      await ctx.sendRequest('ping');
      return { content: [{ type: 'text', text: JSON.stringify(answer) }] };
    }
    if (params.name === 'wait') {
      await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
      waitAborted = true;
      return { content: [] };
    }
    await ctx.sendProgress(1, 2);
    await ctx.log('info', `called ${params.name}`);
    return {
      content: [{ type: 'text', text: `${params.name}:${JSON.stringify(params.arguments)}` }],
    };
  });
  server.setRequestHandler('resources/list', () => ({
    resources: [{ uri: 'mem://x', name: 'x' }],
  }));
  server.setRequestHandler('resources/templates/list', () => ({
    resourceTemplates: [{ uriTemplate: 'mem://{id}', name: 'item' }],
  }));
  server.setRequestHandler('resources/read', (params) => ({
    contents: [{ uri: params.uri, text: 'content of ' + params.uri }],
  }));
  server.setRequestHandler('resources/subscribe', () => ({}));
  server.setRequestHandler('resources/unsubscribe', () => ({}));
  server.setRequestHandler('prompts/list', () => ({ prompts: [{ name: 'p' }] }));
  server.setRequestHandler('prompts/get', (params) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `hi ${params.arguments?.who}` } }],
  }));
  server.setRequestHandler('completion/complete', (params) => ({
    completion: { values: [`${params.argument.value}1`] },
  }));
  return server;
}

/** Connects `client` to `server`, recording every message the client sends. */
async function spyPair(server: Server, client: Client): Promise<JSONRPCMessage[]> {
  const [a, b] = InMemoryTransport.createLinkedPair();
  const sent: JSONRPCMessage[] = [];
  const send = a.send.bind(a);
  a.send = (message) => {
    sent.push(message);
    return send(message);
  };
  await server.connect(b);
  await client.connect(a);
  return sent;
}

describe.each(['modern', 'legacy'] as const)('Client typed methods (%s era)', (mode) => {
  let client: Client;
  let server: Server;
  let sent: JSONRPCMessage[];

  beforeEach(async () => {
    server = fullServer();
    client = new Client({ name: 'typed', version: '1' }, { mode, capabilities: { sampling: {} } });
    sent = await spyPair(server, client);
  });
  afterEach(() => client.close());

  it('exposes the server identity, capabilities and instructions', () => {
    expect(client.era).toBe(mode);
    expect(client.getServerVersion()).toEqual({ name: 'full', version: '2.0.0' });
    expect(client.getInstructions()).toBe('Use add');
    expect(client.getServerCapabilities()).toMatchObject({
      tools: {},
      resources: {},
      prompts: {},
      completions: {},
    });
  });

  it('lists every tool across pages, reads resources, gets prompts, completes', async () => {
    expect((await client.listAllTools()).map((t) => t.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await client.listTools()).nextCursor).toBe('2');
    expect((await client.listResources()).resources).toEqual([{ uri: 'mem://x', name: 'x' }]);
    expect((await client.listResourceTemplates()).resourceTemplates).toEqual([
      { uriTemplate: 'mem://{id}', name: 'item' },
    ]);
    expect((await client.readResource({ uri: 'mem://x' })).contents).toEqual([
      { uri: 'mem://x', text: 'content of mem://x' },
    ]);
    expect((await client.listPrompts()).prompts).toEqual([{ name: 'p' }]);
    expect(
      (await client.getPrompt({ name: 'p', arguments: { who: 'Ada' } })).messages[0].content,
    ).toEqual({ type: 'text', text: 'hi Ada' });
    const completion = await client.complete({
      ref: { type: 'ref/prompt', name: 'p' },
      argument: { name: 'who', value: 'A' },
    });
    expect(completion.completion.values).toEqual(['A1']);
    await expect(client.ping()).resolves.toEqual({});
  });

  it('calls a tool with progress and log messages', async () => {
    const progress: unknown[] = [];
    const logs: unknown[] = [];
    client.onNotification('notifications/message', (params) => logs.push(params.data));
    await client.setLoggingLevel('info');
    const result = await client.callTool(
      { name: 'x', arguments: { n: 1 } },
      { onprogress: (p) => progress.push(p) },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'x:{"n":1}' }]);
    expect(progress).toEqual([{ progress: 1, total: 2 }]);
    expect(logs).toEqual(['called x']);
  });

  it('cancels a call through its signal: the handler sees the abort', async () => {
    waitAborted = false;
    const controller = new AbortController();
    const call = client.callTool({ name: 'wait' }, { signal: controller.signal });
    setTimeout(() => controller.abort('stop'), 10);
    await expect(call).rejects.toBeInstanceOf(RequestCancelledError);
    await new Promise((r) => setTimeout(r, 10));
    expect(
      sent.filter((m) => 'method' in m && m.method === 'notifications/cancelled'),
    ).toHaveLength(1);
    expect(waitAborted).toBe(true);
  });

  if (mode === 'modern') {
    it('puts the protocol _meta (and logLevel, progressToken) on every request', async () => {
      await client.listTools();
      await client.setLoggingLevel('debug');
      await client.callTool(
        { name: 'x', _meta: { traceparent: 't' } },
        { onprogress: () => undefined },
      );
      const requests = sent.filter((m): m is JSONRPCRequest => 'method' in m && 'id' in m);
      expect(requests.map((r) => r.method)).toEqual([
        'server/discover',
        'tools/list',
        'tools/call',
      ]);
      for (const request of requests) {
        expect(request.params?._meta).toMatchObject({
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientCapabilities': { sampling: {} },
          'io.modelcontextprotocol/clientInfo': { name: 'typed', version: '1' },
        });
      }
      expect(requests[1].params?._meta).not.toHaveProperty(['io.modelcontextprotocol/logLevel']);
      expect(requests[2].params?._meta).toEqual(
        expect.objectContaining({
          'io.modelcontextprotocol/logLevel': 'debug',
          traceparent: 't',
          progressToken: expect.anything(),
        }),
      );
      expect(sent.some((m) => 'method' in m && m.method === 'logging/setLevel')).toBe(false);
    });

    it('refuses legacy-only methods before sending them', async () => {
      await expect(client.subscribeResource({ uri: 'mem://x' })).rejects.toThrow(
        'resources/subscribe is not part of the modern protocol era: use subscriptions/listen',
      );
      await expect(client.subscribeResource({ uri: 'mem://x' })).rejects.toBeInstanceOf(
        UnsupportedInEraError,
      );
    });
  } else {
    it('answers server-to-client requests (sampling through its handler, ping by itself)', async () => {
      client.setRequestHandler('sampling/createMessage', () => ({
        role: 'assistant',
        content: { type: 'text', text: 'ok' },
        model: 'm',
      }));
      const result = await client.callTool({ name: 'ask' });
      expect(result.content).toEqual([
        {
          type: 'text',
          text: '{"role":"assistant","content":{"type":"text","text":"ok"},"model":"m"}',
        },
      ]);
      const answers = sent.filter((m) => 'result' in m);
      expect(answers).toHaveLength(2);
      expect(answers[1]).toMatchObject({ result: {} });
    });

    it('sends logging/setLevel, subscribes, and hears list_changed', async () => {
      await client.setLoggingLevel('warning');
      expect(sent).toContainEqual(
        expect.objectContaining({ method: 'logging/setLevel', params: { level: 'warning' } }),
      );
      await expect(client.subscribeResource({ uri: 'mem://x' })).resolves.toEqual({});
      await expect(client.unsubscribeResource({ uri: 'mem://x' })).resolves.toEqual({});
      const changed = new Promise((resolve) =>
        client.onNotification('notifications/tools/list_changed', resolve),
      );
      server.sendToolListChanged();
      await expect(changed).resolves.toEqual({});
      await expect(client.discover()).rejects.toBeInstanceOf(UnsupportedInEraError);
    });
  }
});

describe('Client misuse and bad results', () => {
  it('refuses calls before connect', async () => {
    const client = new Client({ name: 'c', version: '1' });
    await expect(client.listTools()).rejects.toBeInstanceOf(NotConnectedError);
    await expect(client.listTools()).rejects.toThrow(
      'The client is not connected: call connect(transport) first',
    );
  });

  it('fails a multi round-trip request it has no handler for, locally', async () => {
    const client = new Client(
      { name: 'c', version: '1' },
      { capabilities: { elicitation: {}, roots: {} } },
    );
    client.setRequestHandler('roots/list', () => ({ roots: [] }));
    await pair(createServer({ providers: [Greeter] }).server, client);
    const call = client.callTool({ name: 'greet', arguments: {} });
    await expect(call).rejects.toBeInstanceOf(MissingRequestHandlerError);
    await expect(call).rejects.toThrow(
      /asked for elicitation\/create .* call client.setRequestHandler\('elicitation\/create', \.\.\.\)/,
    );
  });

  it("checks a tool's result against the outputSchema it listed", async () => {
    const server = new Server({ name: 's', version: '1' });
    server.setRequestHandler('tools/list', () => ({
      tools: [
        {
          name: 'weather',
          inputSchema: { type: 'object' },
          outputSchema: { type: 'object', properties: { t: { type: 'number' } } },
        },
      ],
    }));
    server.setRequestHandler('tools/call', (params) =>
      params.arguments?.good
        ? { content: [], structuredContent: { t: 20 } }
        : { content: [{ type: 'text', text: '20' }] },
    );
    const client = newClient();
    await pair(server, client);
    await client.listTools();
    await expect(
      client.callTool({ name: 'weather', arguments: { good: true } }),
    ).resolves.toMatchObject({ structuredContent: { t: 20 } });
    await expect(client.callTool({ name: 'weather', arguments: {} })).rejects.toThrow(
      'Tool weather declares an outputSchema but returned no structuredContent',
    );
  });
});
