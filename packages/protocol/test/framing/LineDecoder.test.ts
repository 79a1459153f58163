import { LineDecoder } from '@typemcp/protocol';

describe('LineDecoder', () => {
  it('splits lines across chunk boundaries, strips CR and skips blank lines', () => {
    const lines: string[] = [];
    const decoder = new LineDecoder((l) => lines.push(l));
    decoder.push(Buffer.from('{"a":1}\n{"b"'));
    decoder.push(Buffer.from(':2}\r\n\n   '));
    decoder.push(Buffer.from('\n{"c":"é'));
    decoder.push(Buffer.from('"}\n'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '   ', '{"c":"é"}']);
    expect(decoder.buffered).toBe(0);
  });

  it('keeps multi-byte characters intact when a chunk splits them', () => {
    const lines: string[] = [];
    const decoder = new LineDecoder((l) => lines.push(l));
    const bytes = Buffer.from('"日本"\n');
    for (const b of bytes) decoder.push(Buffer.from([b]));
    expect(lines).toEqual(['"日本"']);
  });

  it('drops an oversize line without holding it, reports it once, and reads on', () => {
    const lines: string[] = [];
    const overflows: number[] = [];
    const decoder = new LineDecoder(
      (l) => lines.push(l),
      10,
      (n) => overflows.push(n),
    );
    decoder.push(Buffer.from('0123456789ABCDEF'));
    decoder.push(Buffer.from('more more more'));
    expect(decoder.buffered).toBe(0);
    decoder.push(Buffer.from('end\nok\n0123456789abc\n'));
    expect(lines).toEqual(['ok']);
    expect(overflows).toEqual([16, 13]);
  });
});
