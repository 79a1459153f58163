/** The in-memory shared stores (the defaults, and a cluster inside one process) pass the contracts. */
import { InMemoryMessageBus, InMemoryNonceStore, InMemorySessionStore } from '@typemcp/server';
import {
  describeMessageBus,
  describeNonceStore,
  describeSessionStore,
} from '../../../../tests/support/storeContracts';

describeSessionStore('InMemorySessionStore', async () => new InMemorySessionStore());
describeNonceStore('InMemoryNonceStore', async () => new InMemoryNonceStore());
describeMessageBus('InMemoryMessageBus', async () => {
  const bus = new InMemoryMessageBus();
  return [bus, bus];
});

it('InMemorySessionStore drops the oldest session past maxSessions', async () => {
  const store = new InMemorySessionStore({ maxSessions: 2 });
  for (const id of ['a', 'b', 'c'])
    await store.save(
      {
        id,
        protocolVersion: '2025-11-25',
        clientCapabilities: {},
        logLevel: 'info',
        subscriptions: [],
      },
      60_000,
    );
  expect((await store.list(10)).sort()).toEqual(['b', 'c']);
});

it('InMemoryNonceStore never forgets an unexpired nonce: past its bound it refuses instead', async () => {
  const store = new InMemoryNonceStore(2);
  for (const n of ['a', 'b']) expect(await store.claim(n, Date.now() + 60_000)).toBe(true);
  await expect(store.claim('c', Date.now() + 60_000)).rejects.toThrow(
    /requestState\.maxUsedStates = 2/,
  );
  expect(() => store.checkRoom()).toThrow(/maxUsedStates/);
  expect(await store.claim('a', Date.now() + 60_000)).toBe(false); // still remembered: a replay stays refused
  expect(store.size).toBe(2);
});
