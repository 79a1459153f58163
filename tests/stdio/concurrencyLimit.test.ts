/**
 * maxConcurrentRequests over a real stdio child: requests beyond the limit are answered at once
 * with -32603 "Server busy" naming the option, the admitted ones finish, and once they have the
 * connection serves new requests again.
 */
import { RawStdioPeer } from '../support/RawStdioPeer';

jest.setTimeout(60_000);

let peer: RawStdioPeer;
beforeAll(async () => {
  peer = new RawStdioPeer('tests/fixtures/limited.ts');
  await peer.initialize();
});
afterAll(() => peer.close());

it('answers requests beyond the limit with a busy error, then serves again', async () => {
  const ids = Array.from({ length: 10 }, (_, i) => `nap-${i}`);
  const replies = await Promise.all(
    ids.map((id) => peer.request(id, 'tools/call', { name: 'nap', arguments: { ms: 300 } })),
  );
  const ok = replies.filter((r) => 'result' in r);
  const busy = replies.filter((r) => 'error' in r);
  expect(ok).toHaveLength(4);
  expect(busy).toHaveLength(6);
  for (const reply of busy) {
    expect(reply.error).toEqual({
      code: -32603,
      message: expect.stringContaining('maxConcurrentRequests'),
      data: { maxConcurrentRequests: 4 },
    });
  }
  // The busy answers came before the admitted calls finished.
  const order = peer.received
    .filter((m) => typeof m.id === 'string' && String(m.id).startsWith('nap-'))
    .map((m) => ('error' in m ? 'busy' : 'ok'));
  expect(order.slice(0, 6)).toEqual(Array(6).fill('busy'));
  const again = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      peer.request(`again-${i}`, 'tools/call', { name: 'nap', arguments: { ms: 10 } }),
    ),
  );
  expect(again.every((r) => 'result' in r)).toBe(true);
});
