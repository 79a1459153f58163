/**
 * Bad input over a real stdio child: each case answered exactly, the process still serving.
 * SPEC.md 2.1, 2.2, 3.1; rulings in section 7.
 */
import { RawStdioPeer } from '../support/RawStdioPeer';

const FIXTURE = 'tests/fixtures/lowLevelServer.ts';
const MODERN = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};

jest.setTimeout(60_000);

describe('stdio server under bad input', () => {
  let peer: RawStdioPeer;
  beforeAll(() => {
    peer = new RawStdioPeer(FIXTURE);
  });
  afterAll(async () => {
    await peer.close();
  });

  async function nextErrorAfter(write: () => void): Promise<Record<string, unknown>> {
    const before = peer.received.length;
    write();
    await peer.waitFor((m) => peer.received.indexOf(m) >= before && 'error' in m);
    return peer.received.slice(before).find((m) => 'error' in m) as Record<string, unknown>;
  }

  it('answers a request before initialize with -32602 naming both ways in', async () => {
    const res = await peer.request(1, 'tools/list');
    expect(res.error).toMatchObject({ code: -32602 });
    expect(String((res.error as { message: string }).message)).toMatch(/initialize/);
  });

  it('answers not-JSON with -32700 and no id', async () => {
    const res = await nextErrorAfter(() => peer.writeLine('{this is not json'));
    expect(res).toEqual({
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error: invalid JSON' },
    });
  });

  it.each([
    ['JSON but not JSON-RPC', '{"hello":"world"}', -32600, undefined],
    ['jsonrpc not "2.0"', '{"jsonrpc":"1.0","id":"v","method":"ping"}', -32600, 'v'],
    ['a null id', '{"jsonrpc":"2.0","id":null,"method":"ping"}', -32600, undefined],
    ['a batch', '[{"jsonrpc":"2.0","id":"b","method":"ping"}]', -32600, undefined],
  ])('answers %s with %s', async (_name, line, code, id) => {
    const res = await nextErrorAfter(() => peer.writeLine(line));
    expect((res.error as { code: number }).code).toBe(code);
    expect(res.id).toBe(id);
  });

  it('serves modern requests: missing _meta fields -32602, unsupported version -32022 with supported', async () => {
    const missing = await peer.request('m1', 'tools/list', {
      _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
    });
    expect((missing.error as { code: number }).code).toBe(-32602);
    const unsupported = await peer.request('m2', 'tools/list', {
      _meta: { ...MODERN, 'io.modelcontextprotocol/protocolVersion': '2030-01-01' },
    });
    expect(unsupported.error).toEqual({
      code: -32022,
      message: 'Unsupported protocol version: 2030-01-01',
      data: {
        supported: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
        requested: '2030-01-01',
      },
    });
    const ok = await peer.request('m3', 'tools/call', {
      name: 'add',
      arguments: { a: 1, b: 2 },
      _meta: MODERN,
    });
    expect(ok.result).toMatchObject({
      content: [{ type: 'text', text: '3' }],
      resultType: 'complete',
    });
  });

  it('after initialize: unknown method -32601, wrong params -32602, a throwing handler -32603 without a stack', async () => {
    const init = await peer.initialize();
    expect(init.result).toMatchObject({
      protocolVersion: '2025-11-25',
      serverInfo: { name: 'lowlevel-fixture' },
    });
    expect((await peer.request(10, 'no/such/method')).error).toEqual({
      code: -32601,
      message: 'Method not found: no/such/method',
    });
    expect(
      (
        (await peer.request(11, 'tools/call', { name: 'add', arguments: { a: 'x' } })).error as {
          code: number;
        }
      ).code,
    ).toBe(-32602);
    const thrown = await peer.request(12, 'tools/call', { name: 'fail', arguments: {} });
    expect(thrown.error).toEqual({
      code: -32603,
      message: 'Internal error: the fail tool always fails',
    });
    expect(JSON.stringify(thrown)).not.toMatch(/\.ts:\d+|at /);
  });

  it('reads a 20 MB message and answers it', async () => {
    const text = 'x'.repeat(20 * 1024 * 1024);
    const res = await peer.request('big', 'tools/call', { name: 'echo', arguments: { text } });
    const content = (res.result as { content: Array<{ text: string }> }).content;
    expect(content[0].text.length).toBe(text.length);
  });

  it('is still serving after all of that, and only JSON-RPC ever reached stdout', async () => {
    const res = await peer.request('last', 'ping');
    expect(res.result).toEqual({});
    for (const line of peer.stdoutLines) expect(JSON.parse(line).jsonrpc).toBe('2.0');
  });

  it('exits promptly on stdin EOF', async () => {
    const start = Date.now();
    expect(await peer.close()).toBe(0);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
