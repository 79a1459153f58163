/**
 * Era detection against scripted peers (SPEC.md 5.2; 2026-07-28 transports/stdio "Backward
 * Compatibility"): a DiscoverResult or -32022 means modern, any other error or silence means
 * legacy, and an initialize result with an unknown version is refused.
 */
import { ErrorCode, InMemoryTransport, Session } from '@typemcp/protocol';
import type { JSONRPCMessage, JSONRPCRequest } from '@typemcp/protocol';
import { Client, ProtocolNegotiationError } from '@typemcp/client';
import { probeServerEra } from '../../src/negotiation/probeServerEra';

type Reply =
  | { result: Record<string, unknown> }
  | { error: { code: number; message: string; data?: unknown } }
  | 'silence';

/** A peer that answers each method from a script and records what it received. */
async function scriptedPeer(script: (request: JSONRPCRequest) => Reply) {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const received: JSONRPCMessage[] = [];
  serverSide.onmessage = (message) => {
    received.push(message);
    if (!('method' in message) || !('id' in message)) return;
    const reply = script(message as JSONRPCRequest);
    if (reply !== 'silence')
      void serverSide.send({
        jsonrpc: '2.0',
        id: (message as JSONRPCRequest).id,
        ...reply,
      } as JSONRPCMessage);
  };
  await serverSide.start();
  return {
    transport: clientSide,
    received,
    methods: () => received.map((m) => ('method' in m ? m.method : 'response')),
  };
}

const INIT_RESULT = {
  protocolVersion: '2025-06-18',
  capabilities: { tools: {} },
  serverInfo: { name: 'old', version: '0.9' },
};
const DISCOVER = {
  supportedVersions: ['2026-07-28', '2025-11-25'],
  capabilities: { tools: {} },
  ttlMs: 0,
  cacheScope: 'public',
  resultType: 'complete',
  _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'new', version: '2' } },
};

const legacyAfter =
  (discover: Reply) =>
  (request: JSONRPCRequest): Reply =>
    request.method === 'server/discover'
      ? discover
      : request.method === 'initialize'
        ? { result: INIT_RESULT }
        : { result: {} };

describe('era detection', () => {
  it('sends the probe with the modern _meta and takes a DiscoverResult as modern', async () => {
    const peer = await scriptedPeer(() => ({ result: DISCOVER }));
    const client = new Client({ name: 'c', version: '1' }, { capabilities: { roots: {} } });
    await client.connect(peer.transport);
    expect(client.era).toBe('modern');
    expect(client.getServerVersion()).toEqual({ name: 'new', version: '2' });
    expect(peer.received[0]).toEqual({
      jsonrpc: '2.0',
      id: 0,
      method: 'server/discover',
      params: {
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientCapabilities': { roots: {} },
          'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
        },
      },
    });
  });

  it.each([
    [
      '-32601 method not found',
      { error: { code: ErrorCode.MethodNotFound, message: 'Method not found' } },
    ],
    [
      '-32602 invalid params',
      { error: { code: ErrorCode.InvalidParams, message: 'Send initialize first' } },
    ],
    [
      '-32022 listing only legacy versions',
      { error: { code: -32022, message: 'no', data: { supported: ['2025-06-18'] } } },
    ],
    [
      '-32022 without data.supported (an implementation-defined legacy code)',
      { error: { code: -32022, message: 'busy' } },
    ],
  ] as Array<[string, Reply]>)('falls back to initialize on %s', async (_label, reply) => {
    const peer = await scriptedPeer(legacyAfter(reply));
    const client = new Client({ name: 'c', version: '1' });
    await client.connect(peer.transport);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-06-18');
    expect(peer.methods()).toEqual(['server/discover', 'initialize', 'notifications/initialized']);
    expect((peer.received[1] as JSONRPCRequest).params).toEqual({
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    });
  });

  it('falls back to initialize when the probe gets no answer in time, cancelling it', async () => {
    const peer = await scriptedPeer(legacyAfter('silence'));
    const client = new Client({ name: 'c', version: '1' }, { probeTimeoutMs: 100 });
    await client.connect(peer.transport);
    expect(client.era).toBe('legacy');
    expect(peer.methods()).toEqual([
      'server/discover',
      'notifications/cancelled',
      'initialize',
      'notifications/initialized',
    ]);
  });

  it('retries with the modern version a -32022 offers, and never falls back', async () => {
    const asked: unknown[] = [];
    const peer = await scriptedPeer((request) => {
      const version = (request.params?._meta as Record<string, unknown>)[
        'io.modelcontextprotocol/protocolVersion'
      ];
      asked.push(version);
      if (version === '2026-07-28') return { result: DISCOVER };
      return {
        error: {
          code: -32022,
          message: 'Unsupported',
          data: { supported: ['2026-07-28'], requested: version },
        },
      };
    });
    const session = new Session(peer.transport);
    await session.start();
    const outcome = await probeServerEra(session, {
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
      timeoutMs: 1000,
      preferredVersion: '2027-01-01',
    });
    expect(outcome).toMatchObject({ era: 'modern', protocolVersion: '2026-07-28' });
    expect(asked).toEqual(['2027-01-01', '2026-07-28']);
  });

  it('refuses a modern server that supports none of our versions (no initialize fallback)', async () => {
    const peer = await scriptedPeer(
      legacyAfter({ error: { code: -32022, message: 'no', data: { supported: ['2099-01-01'] } } }),
    );
    const attempt = new Client({ name: 'c', version: '1' }).connect(peer.transport);
    await expect(attempt).rejects.toBeInstanceOf(ProtocolNegotiationError);
    await expect(attempt).rejects.toThrow(
      /The server supports protocol 2099-01-01; this client speaks 2026-07-28, 2025-11-25/,
    );
    expect(peer.methods()).toEqual(['server/discover']);
  });

  it('refuses an initialize result whose version it does not speak, and closes', async () => {
    const peer = await scriptedPeer((request) =>
      request.method === 'initialize'
        ? { result: { ...INIT_RESULT, protocolVersion: '1999-01-01' } }
        : { error: { code: -32601, message: 'no' } },
    );
    const client = new Client({ name: 'c', version: '1' });
    let closed = false;
    client.onclose = () => (closed = true);
    await expect(client.connect(peer.transport)).rejects.toThrow(
      'The server answered initialize with protocol "1999-01-01", which this client does not support (it speaks 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05 with initialize)',
    );
    expect(closed).toBe(true);
    expect(peer.methods()).not.toContain('notifications/initialized');
  });

  it("mode 'legacy' skips the probe; mode 'modern' refuses a legacy server", async () => {
    const legacyPeer = await scriptedPeer(legacyAfter({ error: { code: -32601, message: 'no' } }));
    await new Client({ name: 'c', version: '1' }, { mode: 'legacy' }).connect(legacyPeer.transport);
    expect(legacyPeer.methods()).toEqual(['initialize', 'notifications/initialized']);

    const peer = await scriptedPeer(
      legacyAfter({ error: { code: -32601, message: 'Method not found' } }),
    );
    const attempt = new Client({ name: 'c', version: '1' }, { mode: 'modern' }).connect(
      peer.transport,
    );
    await expect(attempt).rejects.toThrow(
      'The server does not speak the 2026-07-28 protocol: server/discover failed with -32601: Method not found',
    );
  });
});
