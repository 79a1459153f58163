/**
 * One contract suite per shared-store interface (issue 15), run by each implementation: the
 * in-memory defaults (packages/server/test/cluster, packages/hono/test/cluster) and the Redis ones
 * (packages/redis/test). Each `describe…` takes a factory of fresh, empty stores.
 */
import type { JSONRPCMessage } from '@typemcp/protocol';
import type { EventStore } from '@typemcp/hono';
import type { MessageBus, NonceStore, SessionRecord, SessionStore } from '@typemcp/server';

const record = (id: string, subscriptions: string[] = []): SessionRecord => ({
  id,
  protocolVersion: '2025-11-25',
  clientCapabilities: { elicitation: {} },
  clientInfo: { name: 'c', version: '1' },
  logLevel: 'info',
  subscriptions,
});
const note = (n: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data: `n${n}` },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The SessionStore contract. */
export function describeSessionStore(name: string, make: () => Promise<SessionStore>): void {
  describe(`SessionStore contract: ${name}`, () => {
    it('keeps a record until its TTL, renews it on touch, forgets it on delete', async () => {
      const store = await make();
      await store.save(record('a'), 150);
      expect(await store.touch('a', 60_000)).toEqual(record('a'));
      await sleep(250);
      expect(await store.touch('a', 60_000)).toEqual(record('a')); // renewed by the touch
      await store.delete('a');
      expect(await store.touch('a', 60_000)).toBeUndefined();
      await store.save(record('b'), 50);
      await sleep(150);
      expect(await store.touch('b', 60_000)).toBeUndefined();
    });

    it('lists live sessions and the subscribers of a URI, following changes', async () => {
      const store = await make();
      await store.save(record('a', ['file:///x']), 60_000);
      await store.save(record('b', ['file:///x', 'file:///y']), 60_000);
      await store.save(record('c'), 60_000);
      expect((await store.list(10)).sort()).toEqual(['a', 'b', 'c']);
      expect((await store.list(2)).length).toBe(2);
      expect((await store.subscribers('file:///x')).sort()).toEqual(['a', 'b']);
      await store.save(record('a'), 60_000); // unsubscribed
      await store.delete('b');
      expect(await store.subscribers('file:///x')).toEqual([]);
      expect(await store.subscribers('file:///nobody')).toEqual([]);
    });
  });
}

/** The NonceStore contract. */
export function describeNonceStore(name: string, make: () => Promise<NonceStore>): void {
  describe(`NonceStore contract: ${name}`, () => {
    it('lets a nonce be claimed once, concurrently too', async () => {
      const store = await make();
      const claims = await Promise.all(
        Array.from({ length: 10 }, () => store.claim('n1', Date.now() + 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claim('n2', Date.now() + 60_000)).toBe(true);
    });
  });
}

/** The MessageBus contract (`make` may return two handles on the same bus, as two nodes). */
export function describeMessageBus(
  name: string,
  make: () => Promise<[MessageBus, MessageBus]>,
): void {
  describe(`MessageBus contract: ${name}`, () => {
    it('delivers in order to every subscriber of a channel, on every node, until it leaves', async () => {
      const [a, b] = await make();
      const heardA: unknown[] = [];
      const heardB: unknown[] = [];
      const stopA = await a.subscribe('ch', (m) => heardA.push(m));
      const stopB = await b.subscribe('ch', (m) => heardB.push(m));
      await b.subscribe('other', () => heardB.push('wrong channel'));
      for (let i = 0; i < 5; i++) await a.publish('ch', { i });
      const deadline = Date.now() + 10_000;
      while ((heardA.length < 5 || heardB.length < 5) && Date.now() < deadline) await sleep(10);
      const expected = [0, 1, 2, 3, 4].map((i) => ({ i }));
      expect(heardA).toEqual(expected);
      expect(heardB).toEqual(expected);
      await stopA();
      await b.publish('ch', { i: 5 });
      while (heardB.length < 6 && Date.now() < deadline) await sleep(10);
      await sleep(50);
      expect(heardA).toHaveLength(5);
      await stopB();
    });
  });
}

/** The EventStore contract, as several nodes use it (ids name their stream; replay after an id). */
export function describeEventStore(name: string, make: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    it('replays a stream after an id, in order, skipping priming events, never crossing streams', async () => {
      const store = await make();
      const first = await store.storeEvent('s1.1', null);
      const ids = [first];
      for (let i = 1; i <= 4; i++) ids.push(await store.storeEvent('s1.1', note(i)));
      await store.storeEvent('s1.2', note(99));
      expect(await store.streamIdOf(ids[2])).toBe('s1.1');
      const seen: Array<[string, JSONRPCMessage]> = [];
      expect(await store.replayEventsAfter(ids[1], async (id, m) => void seen.push([id, m]))).toBe(
        's1.1',
      );
      expect(seen).toEqual([2, 3, 4].map((i) => [ids[i], note(i)]));
      const all: JSONRPCMessage[] = [];
      await store.replayEventsAfter(first, async (_id, m) => void all.push(m));
      expect(all).toEqual([1, 2, 3, 4].map(note));
    });

    it('knows nothing of ids it did not issue or streams it deleted', async () => {
      const store = await make();
      const id = await store.storeEvent('s2.1', note(1));
      for (const bad of ['', 'nope', '_', 's9.1_1']) {
        expect(await store.streamIdOf(bad)).toBeUndefined();
        expect(await store.replayEventsAfter(bad, async () => undefined)).toBeUndefined();
      }
      await store.deleteStream?.('s2.1');
      expect(await store.streamIdOf(id)).toBeUndefined();
    });
  });
}
