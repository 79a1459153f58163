/**
 * InMemoryEventStore bounds (issue 14, item 1): events and bytes per stream, bytes per session,
 * events and bytes in total. Whatever is stored, the store never holds more than its bounds.
 */
import type { JSONRPCMessage } from '@typemcp/protocol';
import { InMemoryEventStore } from '@typemcp/hono';

const message = (chars: number, id = 1): JSONRPCMessage =>
  ({
    jsonrpc: '2.0',
    id,
    result: { content: [{ type: 'text', text: 'x'.repeat(chars) }] },
  }) as JSONRPCMessage;
const bytesOf = (chars: number) => JSON.stringify(message(chars)).length;

async function replay(store: InMemoryEventStore, lastEventId: string): Promise<string[]> {
  const ids: string[] = [];
  await store.replayEventsAfter(lastEventId, async (id) => void ids.push(id));
  return ids;
}

it('keeps a stream within its bytes, dropping its oldest events', async () => {
  const store = new InMemoryEventStore({ maxBytesPerStream: 3 * bytesOf(1000) });
  const first = await store.storeEvent('s.1', null, 's');
  for (let i = 0; i < 10; i++) await store.storeEvent('s.1', message(1000), 's');
  expect(store.bytes).toBe(3 * bytesOf(1000));
  expect(await replay(store, first)).toEqual(['s.1_8', 's.1_9', 's.1_10']);
});

it('does not keep an event larger than a stream may hold, but gives it an id', async () => {
  const store = new InMemoryEventStore({ maxBytesPerStream: 1000 });
  expect(await store.storeEvent('s.1', message(5000), 's')).toBe('s.1_0');
  expect(await store.storeEvent('s.1', message(10), 's')).toBe('s.1_1');
  expect(store.size).toBe(1);
});

it('keeps a session within its bytes: its oldest streams go first', async () => {
  const store = new InMemoryEventStore({ maxBytesPerSession: 2 * bytesOf(1000) });
  for (let n = 1; n <= 5; n++) await store.storeEvent(`a.${n}`, message(1000), 'a');
  await store.storeEvent('b.1', message(1000), 'b');
  expect(store.bytes).toBe(3 * bytesOf(1000));
  expect(await store.streamIdOf('a.1_0')).toBeUndefined();
  expect(await store.streamIdOf('a.4_0')).toBe('a.4');
  expect(await store.streamIdOf('a.5_0')).toBe('a.5');
  expect(await store.streamIdOf('b.1_0')).toBe('b.1'); // another session is not touched
});

it('keeps the whole store within its bytes and events', async () => {
  const store = new InMemoryEventStore({ maxTotalBytes: 10 * bytesOf(100), maxTotalEvents: 50 });
  for (let n = 0; n < 1000; n++) await store.storeEvent(`s${n}.1`, message(100), `s${n}`);
  expect(store.bytes).toBeLessThanOrEqual(10 * bytesOf(100));
  expect(store.streamCount).toBe(10);
  for (let n = 0; n < 1000; n++) await store.storeEvent('one.1', message(1), 'one');
  expect(store.size).toBeLessThanOrEqual(50);
});

it('forgets a deleted stream and its bytes', async () => {
  const store = new InMemoryEventStore();
  await store.storeEvent('s.1', message(100), 's');
  await store.deleteStream('s.1');
  expect(store.bytes).toBe(0);
  expect(store.size).toBe(0);
  expect(await store.streamIdOf('s.1_0')).toBeUndefined();
});

it('has defaults that hold a few hundred MB at most', async () => {
  const store = new InMemoryEventStore();
  for (let n = 0; n < 40; n++)
    await store.storeEvent(`s${n % 4}.${n}`, message(4 * 1024 * 1024), `s${n % 4}`);
  expect(store.bytes).toBeLessThanOrEqual(128 * 1024 * 1024);
  for (let s = 0; s < 4; s++) {
    let sessionBytes = 0;
    for (let n = s; n < 40; n += 4)
      if (await store.streamIdOf(`s${s}.${n}_0`)) sessionBytes += bytesOf(4 * 1024 * 1024);
    expect(sessionBytes).toBeLessThanOrEqual(16 * 1024 * 1024);
  }
});
