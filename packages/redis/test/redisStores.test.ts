/**
 * The Redis stores against a real redis-server (started on a free port by the test harness):
 * TTLs, bounds, replay order, single-use nonces, pub/sub, and the start-up error.
 */
import { redisStores, RedisUnavailableError } from '@typemcp/redis';
import type { RedisStores } from '@typemcp/redis';
import { randomUUID } from 'node:crypto';
import type { JSONRPCMessage } from '@typemcp/protocol';
import type { TaskRecord } from '@typemcp/server';
import { freePort, startRedis } from '../../../tests/support/redisServer';
import {
  describeEventStore,
  describeMessageBus,
  describeNonceStore,
  describeSessionStore,
} from '../../../tests/support/storeContracts';
import type { RunningRedis } from '../../../tests/support/redisServer';

jest.setTimeout(60_000);

let redis: RunningRedis;
let stores: RedisStores;
let prefix = 0;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis.stop();
});

beforeEach(async () => {
  stores = redisStores(redis.url, {
    prefix: `t${++prefix}:`,
    events: { maxEventsPerStream: 5, maxEventBytes: 200 },
  });
  await stores.ready();
});

afterEach(async () => {
  await stores.close();
});

/** Fresh stores (their own key prefix) on the test's Redis, closed after each test. */
const opened: RedisStores[] = [];
async function fresh(): Promise<RedisStores> {
  const made = redisStores(redis.url, { prefix: `c${++prefix}:` });
  opened.push(made);
  await made.ready();
  return made;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describeSessionStore('RedisSessionStore', async () => (await fresh()).sessions);
describeNonceStore('RedisNonceStore', async () => (await fresh()).nonces);
describeEventStore('RedisEventStore', async () => (await fresh()).events);
describeMessageBus('RedisMessageBus', async () => {
  const a = await fresh();
  const b = redisStores(redis.url, { prefix: `c${prefix}:` }); // another node on the same prefix
  opened.push(b);
  await b.ready();
  return [a.bus, b.bus];
});

const newTaskRecord = (fields: {
  ttlMs: number;
  pollIntervalMs: number;
  subject: string;
  answers: TaskRecord['answers'];
}): TaskRecord => {
  const now = new Date().toISOString();
  return { taskId: randomUUID(), status: 'working', createdAt: now, lastUpdatedAt: now, ...fields };
};
const note = (n: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data: `n${n}` },
});

it('events: replayed in order after an id, bounded in count and bytes, unknown ids refused', async () => {
  const ids: string[] = [];
  ids.push(await stores.events.storeEvent('sess.1', null));
  for (let i = 1; i <= 3; i++) ids.push(await stores.events.storeEvent('sess.1', note(i)));
  await stores.events.storeEvent('sess.2', note(99));
  expect(await stores.events.streamIdOf(ids[1])).toBe('sess.1');
  const replayed: string[] = [];
  expect(
    await stores.events.replayEventsAfter(
      ids[0],
      async (id, m) =>
        void replayed.push(`${id === ids[replayed.length + 1]}:${JSON.stringify(m)}`),
    ),
  ).toBe('sess.1');
  expect(replayed).toEqual([1, 2, 3].map((i) => `true:${JSON.stringify(note(i))}`));
  // a too large event is a gap: stored, never replayed
  const big: JSONRPCMessage = {
    jsonrpc: '2.0',
    method: 'notifications/message',
    params: { level: 'info', data: 'x'.repeat(500) },
  };
  await stores.events.storeEvent('sess.1', big);
  const after: string[] = [];
  await stores.events.replayEventsAfter(
    ids[3],
    async (_id, m) => void after.push(JSON.stringify(m)),
  );
  expect(after).toEqual([]);
  for (let i = 0; i < 200; i++) await stores.events.storeEvent('sess.3', note(i));
  const kept: string[] = [];
  const first = await stores.events.storeEvent('sess.3', note(200));
  await stores.events.replayEventsAfter(`sess.3_0-0`, async (id) => void kept.push(id));
  expect(kept.length).toBeLessThan(120); // MAXLEN ~ 5: trimmed by whole nodes, far below 201
  expect(kept[kept.length - 1]).toBe(first);
  for (const bad of ['nope', 'sess.1_-', 'sess.1_+', 'sess.9_1-0'])
    expect(await stores.events.streamIdOf(bad)).toBeUndefined();
  expect(await stores.events.replayEventsAfter('sess.1_+', async () => undefined)).toBeUndefined();
  await stores.events.deleteStream('sess.1');
  expect(await stores.events.streamIdOf(ids[1])).toBeUndefined();
});

it('tasks: created with their TTL, updated keeping it, listed per owner', async () => {
  const task = newTaskRecord({ ttlMs: 60_000, pollIntervalMs: 100, subject: 'alice', answers: {} });
  await stores.tasks.create(task);
  await stores.tasks.update({ ...task, status: 'completed', result: { ok: true } });
  expect(await stores.tasks.get(task.taskId)).toMatchObject({
    status: 'completed',
    result: { ok: true },
  });
  expect((await stores.tasks.list('alice')).map((t) => t.taskId)).toEqual([task.taskId]);
  expect(await stores.tasks.list('bob')).toEqual([]);
  const short = newTaskRecord({ ttlMs: 50, pollIntervalMs: 100, subject: 'alice', answers: {} });
  await stores.tasks.create(short);
  await new Promise((r) => setTimeout(r, 120));
  expect(await stores.tasks.get(short.taskId)).toBeUndefined();
});

it('an unreachable Redis is one error naming the URL (password hidden)', async () => {
  const port = await freePort();
  const down = redisStores(`redis://user:secret@127.0.0.1:${port}`);
  const error = await down.ready().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RedisUnavailableError);
  expect((error as Error).message).toContain(`redis://user:***@127.0.0.1:${port}`);
  expect((error as Error).message).not.toContain('secret');
  expect((error as Error).message).toContain('ECONNREFUSED');
  expect((error as Error).message).not.toContain('\n');
  await down.close();
});
