/**
 * JSON-RPC batches over a real stdio child: a 2025-03-26 session MUST accept them (basic/index of
 * that revision) and answers every request of a batch in one array, invalid members included;
 * later revisions removed batching, so there a batch is -32600 and the session goes on.
 */
import { RawStdioPeer } from '../support/RawStdioPeer';

jest.setTimeout(60_000);

const line = (peer: RawStdioPeer, from: number) =>
  peer.stdoutLines.slice(from).find((l) => l.startsWith('['));

describe('a 2025-03-26 session', () => {
  let peer: RawStdioPeer;
  beforeAll(async () => {
    peer = new RawStdioPeer('tests/fixtures/limited.ts');
    expect((await peer.initialize('2025-03-26')).result).toMatchObject({
      protocolVersion: '2025-03-26',
    });
  });
  afterAll(() => peer.close());

  it('answers a batch with one array: each request, and an error for each invalid member', async () => {
    const from = peer.stdoutLines.length;
    peer.writeLine(
      JSON.stringify([
        {
          jsonrpc: '2.0',
          id: 'a',
          method: 'tools/call',
          params: { name: 'nap', arguments: { ms: 50 } },
        },
        {
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progressToken: 'x', progress: 1 },
        },
        { jsonrpc: '2.0', id: 'b', method: 'ping' },
        { jsonrpc: '1.0', id: 'c', method: 'ping' },
        { jsonrpc: '2.0', id: 'd', method: 'no/such/method' },
      ]),
    );
    await peer.waitFor(() => line(peer, from) !== undefined);
    const reply = JSON.parse(line(peer, from) as string) as Array<Record<string, unknown>>;
    const byId = Object.fromEntries(reply.filter((r) => r.id !== undefined).map((r) => [r.id, r]));
    expect(reply).toHaveLength(4);
    expect(byId.a).toMatchObject({ result: { content: [{ type: 'text', text: 'napped 50' }] } });
    expect(byId.b).toEqual({ jsonrpc: '2.0', id: 'b', result: {} });
    expect(byId.d).toMatchObject({ error: { code: -32601 } });
    expect(reply.find((r) => r.id === undefined || r.id === 'c')).toMatchObject({
      error: { code: -32600 },
    });
  });

  it('sends nothing back for a batch of notifications, refuses an empty batch, and keeps serving', async () => {
    const from = peer.stdoutLines.length;
    peer.writeLine(
      JSON.stringify([{ jsonrpc: '2.0', method: 'notifications/roots/list_changed' }]),
    );
    peer.writeLine('[]');
    const empty = await peer.waitFor(
      (m) =>
        peer.received.indexOf(m) >= from &&
        (m.error as { code?: number } | undefined)?.code === -32600,
    );
    expect(String((empty.error as { message: string }).message)).toMatch(/empty batch/);
    expect((await peer.request('after', 'ping')).result).toEqual({});
    expect(peer.stdoutLines.slice(from).filter((l) => l.startsWith('['))).toEqual([]);
  });
});

it('a 2025-11-25 session refuses a batch with -32600 and serves on', async () => {
  const peer = new RawStdioPeer('tests/fixtures/limited.ts');
  try {
    await peer.initialize('2025-11-25');
    const from = peer.received.length;
    peer.writeLine(JSON.stringify([{ jsonrpc: '2.0', id: 'x', method: 'ping' }]));
    const refused = await peer.waitFor((m) => peer.received.indexOf(m) >= from && 'error' in m);
    expect(refused).toEqual({
      jsonrpc: '2.0',
      error: {
        code: -32600,
        message: 'Invalid Request: JSON-RPC batches are accepted only in a 2025-03-26 session',
      },
    });
    expect((await peer.request('y', 'ping')).result).toEqual({});
  } finally {
    await peer.close();
  }
});
