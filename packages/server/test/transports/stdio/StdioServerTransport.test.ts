/**
 * StdioServerTransport writes (issue 14, item 9): a request's notification leaves in its own
 * write and its promise settles once written; the request's reply waits `notificationGapMs`
 * after it; replies of one tick still leave together in one writev.
 */
import { PassThrough, Writable } from 'node:stream';
import { StdioServerTransport } from '@typemcp/server';
import type { JSONRPCMessage } from '@typemcp/protocol';

function recorder(): { output: Writable; writes: Array<{ at: number; lines: string[] }> } {
  const writes: Array<{ at: number; lines: string[] }> = [];
  const output = new Writable({
    writev(chunks, callback) {
      writes.push({ at: performance.now(), lines: chunks.map((c) => String(c.chunk).trim()) });
      callback();
    },
    write(chunk, _encoding, callback) {
      writes.push({ at: performance.now(), lines: [String(chunk).trim()] });
      callback();
    },
  });
  return { output, writes };
}

const progress = (n: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/progress',
  params: { progressToken: 1, progress: n },
});
const reply = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, result: {} });
const line = (m: JSONRPCMessage) => JSON.stringify(m);

it('writes a request’s notifications on their own and holds its reply notificationGapMs after them', async () => {
  const { output, writes } = recorder();
  const transport = new StdioServerTransport({
    input: new PassThrough(),
    output,
    notificationGapMs: 40,
  });
  await transport.start();
  await transport.send(progress(1), { relatedRequestId: 1 });
  expect(writes.map((w) => w.lines)).toEqual([[line(progress(1))]]); // written by the time the promise settles
  await transport.send(progress(2), { relatedRequestId: 1 });
  await transport.send(reply(1), { relatedRequestId: 1 });
  await new Promise((r) => process.nextTick(r)); // replies are corked until the end of the tick
  expect(writes.map((w) => w.lines)).toEqual([
    [line(progress(1))],
    [line(progress(2))],
    [line(reply(1))],
  ]);
  expect(writes[2].at - writes[1].at).toBeGreaterThanOrEqual(35);
  await transport.close();
});

it('still sends the replies of one tick in one write, without waiting when no notification came', async () => {
  const { output, writes } = recorder();
  const transport = new StdioServerTransport({
    input: new PassThrough(),
    output,
    notificationGapMs: 1000,
  });
  await transport.start();
  const start = performance.now();
  await Promise.all([
    transport.send(reply(1), { relatedRequestId: 1 }),
    transport.send(reply(2), { relatedRequestId: 2 }),
  ]);
  await new Promise((r) => process.nextTick(r));
  expect(writes.map((w) => w.lines)).toEqual([[line(reply(1)), line(reply(2))]]);
  expect(performance.now() - start).toBeLessThan(500);
  await transport.close();
});
