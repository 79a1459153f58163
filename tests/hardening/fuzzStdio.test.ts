/**
 * Property-based fuzzing of the stdio transport: 80,000 generated lines (fast-check), in batches
 * of 1,000 written at once, into two real child processes — one after a legacy `initialize`, one
 * never initialized — mixing both eras. Every request is answered exactly once with a
 * well-formed response of the right class (-32700, -32600, -32601, -32602, -32022 where the
 * input decides it), notifications and responses are never answered, no message carries a stack
 * trace, only JSON-RPC reaches stdout, and both servers still serve a normal tools/call and exit
 * cleanly afterwards. The seed is fixed; FUZZ_SEED (and FUZZ_RUNS) explore further.
 */
import fc from 'fast-check';
import { batchOf, MODERN_META } from './support/fuzzMessages';
import type { ConnectionState } from './support/fuzzOracle';
import { runStdioBatch } from './support/stdioBatch';
import { StdioFuzzPeer } from './support/StdioFuzzPeer';

jest.setTimeout(120_000);

const FIXTURE = 'tests/hardening/fixtures/fuzzTarget.ts';
const BATCH = 1000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
const SEED = Number(process.env.FUZZ_SEED ?? 20260728);

const peers = {} as Record<ConnectionState, StdioFuzzPeer>;

beforeAll(async () => {
  peers.legacy = new StdioFuzzPeer(FIXTURE);
  peers.fresh = new StdioFuzzPeer(FIXTURE);
  const init = await peers.legacy.request('init', 'initialize', {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'fuzz', version: '1' },
  });
  expect(init.result).toMatchObject({ protocolVersion: '2025-11-25' });
  await peers.legacy.write(['{"jsonrpc":"2.0","method":"notifications/initialized"}']);
  expect((await peers.fresh.request('hello', 'ping')).result).toEqual({});
  peers.legacy.byId.clear();
  peers.fresh.byId.clear();
});

afterAll(async () => {
  await Promise.all(Object.values(peers).map((peer) => peer?.close()));
});

it(`answers ${RUNS * BATCH} generated lines over stdio correctly and keeps serving`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom<ConnectionState>('legacy', 'fresh'),
      batchOf(BATCH),
      async (state, inputs) => {
        const problems = await runStdioBatch(peers[state], state, inputs);
        if (problems.length > 0)
          throw new Error(
            `${problems.length} problems (${state} connection):\n${problems.slice(0, 15).join('\n')}`,
          );
      },
    ),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  // both still serve, in both eras
  const add = { name: 'add', arguments: { a: 2, b: 3 } };
  expect((await peers.legacy.request('after-legacy', 'tools/call', add)).result).toMatchObject({
    structuredContent: { result: 5 },
  });
  expect(
    (await peers.legacy.request('after-modern', 'tools/call', { ...add, _meta: MODERN_META }))
      .result,
  ).toMatchObject({ structuredContent: { result: 5 } });
  expect(
    (await peers.fresh.request('after-fresh', 'tools/call', { ...add, _meta: MODERN_META })).result,
  ).toMatchObject({ structuredContent: { result: 5 } });
  expect(await peers.legacy.close()).toBe(0);
  expect(await peers.fresh.close()).toBe(0);
  expect(peers.legacy.garbage).toEqual([]);
});
