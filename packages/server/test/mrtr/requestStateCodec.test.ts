/**
 * Issue 14, item 5: the used-nonce memory forgot its oldest entry even when it had not expired
 * (after 100 000 fresh states the first one replayed successfully), and each verify scanned the
 * whole set (100 000 verifies: 173 s). Now every unexpired nonce is kept, the memory is bounded
 * by refusing new states, a verify is O(1), and a state signed with another secret says so.
 */
import { RequestStateCodec } from '@typemcp/server';

const target = { m: 'tools/call', t: 'deploy', a: 'hash' };

it('never forgets an unexpired nonce: at the bound it refuses new states instead', async () => {
  const codec = new RequestStateCodec({ maxUsedStates: 1000 });
  const states = Array.from({ length: 1001 }, () => codec.sign({ ...target, r: {} }));
  for (const state of states.slice(0, 1000)) await codec.verify(state, target);
  await expect(codec.verify(states[1000], target)).rejects.toThrow(
    'Too many multi round-trip states in use (requestState.maxUsedStates = 1000): retry once some expire, or raise the requestState.maxUsedStates option',
  );
  expect(() => codec.sign({ ...target, r: {} })).toThrow(/maxUsedStates/);
  await expect(codec.verify(states[0], target)).rejects.toThrow(
    'Invalid requestState: already used (replayed)',
  );
  expect(codec.usedCount).toBe(1000);
});

it('forgets nonces once they expire, and accepts new states again', async () => {
  jest.useFakeTimers({ now: 1_000_000 });
  try {
    const codec = new RequestStateCodec({ maxUsedStates: 10, ttlMs: 60_000 });
    for (let i = 0; i < 10; i++) await codec.verify(codec.sign({ ...target, r: {} }), target);
    expect(() => codec.sign({ ...target, r: {} })).toThrow(/maxUsedStates/);
    jest.setSystemTime(1_000_000 + 60_001);
    const fresh = codec.sign({ ...target, r: {} });
    await codec.verify(fresh, target);
    expect(codec.usedCount).toBe(1);
  } finally {
    jest.useRealTimers();
  }
});

it('verifies in O(1): 100 000 verifies take seconds, not minutes', async () => {
  const codec = new RequestStateCodec();
  const states = Array.from({ length: 100_000 }, () => codec.sign({ ...target, r: {} }));
  const start = performance.now();
  for (const state of states) await codec.verify(state, target);
  expect(performance.now() - start).toBeLessThan(30_000); // a scan per verify took 173 s
  await expect(codec.verify(states[0], target)).rejects.toThrow(
    'Invalid requestState: already used (replayed)',
  );
});

it('says the secret differs for a state another instance signed, and tampered for a changed one', async () => {
  const a = new RequestStateCodec({ secret: 'one' });
  const b = new RequestStateCodec({ secret: 'two' });
  const state = a.sign({ ...target, r: {} });
  await expect(b.verify(state, target)).rejects.toThrow(
    'Invalid requestState: it was signed with another secret (another server instance?): every instance serving this endpoint must share requestState.secret',
  );
  const [keyId, body, mac] = state.split('.');
  const forged = `${keyId}.${Buffer.from(Buffer.from(body, 'base64url').toString().replace('deploy', 'destroy')).toString('base64url')}.${mac}`;
  await expect(a.verify(forged, target)).rejects.toThrow(
    'Invalid requestState: integrity check failed (tampered)',
  );
  expect((await new RequestStateCodec({ secret: 'one' }).verify(state, target)).t).toBe('deploy'); // a shared secret works anywhere
});
