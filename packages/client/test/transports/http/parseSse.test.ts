/**
 * parseSse (issue 14, item 8): linear in the body's length (an endless `data:` line in small
 * chunks used to be rescanned on every chunk), bounded by maxEventBytes, and chunking-proof.
 */
import fc from 'fast-check';
import { ResponseTooLargeError } from '@typemcp/client';
import { parseSse } from '../../../src/transports/http/parseSse';
import type { SseEvent } from '../../../src/transports/http/parseSse';

const encoder = new TextEncoder();

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(encoder.encode(chunks[i++]));
      else controller.close();
    },
  });
}

async function collect(chunks: string[], max?: number): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of parseSse(streamOf(chunks), undefined, max)) events.push(event);
  return events;
}

it('parses the same events however the body is cut into chunks', async () => {
  const body =
    'event: message\r\nid: 1\r\ndata: {"a":1}\r\n\r\n: comment\ndata: two\ndata: lines\n\nretry: 500\rdata: cr\r\r';
  const expected = await collect([body]);
  expect(expected).toEqual([
    { event: 'message', data: '{"a":1}', id: '1', retry: undefined },
    { event: 'message', data: 'two\nlines', id: '1', retry: undefined },
    { event: 'message', data: 'cr', id: '1', retry: 500 },
  ]);
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 12 }),
      async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i) => body.slice(p, points[i] ?? body.length));
        expect(await collect(chunks)).toEqual(expected);
      },
    ),
  );
});

it('is linear: an 8 MB line in 1 KB chunks takes about 8 × a 1 MB one (quadratic: 64 ×)', async () => {
  const time = async (megabytes: number) => {
    const chunks = [
      'data: ',
      ...Array.from({ length: megabytes * 1024 }, () => 'x'.repeat(1024)),
      '\n\n',
    ];
    const start = performance.now();
    const [event] = await collect(chunks, 64 * 1024 * 1024);
    expect(event.data.length).toBe(megabytes * 1024 * 1024);
    return performance.now() - start;
  };
  await time(1);
  const small = await time(1);
  const large = await time(8);
  expect(large).toBeLessThan(24 * Math.max(small, 5));
});

it('ends the stream with ResponseTooLargeError once an event or a line outgrows maxEventBytes', async () => {
  const endless = ['data: ', ...Array.from({ length: 100 }, () => 'x'.repeat(1024))];
  await expect(collect(endless, 10_000)).rejects.toBeInstanceOf(ResponseTooLargeError);
  const manyLines = Array.from({ length: 100 }, () => `data: ${'y'.repeat(500)}\n`);
  await expect(collect(manyLines, 10_000)).rejects.toThrow(
    /SSE event exceeds 10000 bytes: raise the maxSseEventBytes option/,
  );
  expect(await collect([`data: ${'z'.repeat(9000)}\n\n`], 10_000)).toHaveLength(1);
});
