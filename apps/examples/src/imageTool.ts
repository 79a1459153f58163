/** An image tool: returns a generated PNG (a solid square of the requested colour). */
import 'reflect-metadata';
import { deflateSync } from 'node:zlib';
import { Arg, Image, McpServer, run, Tool } from '@typemcp/server';
import { IsHexColor } from 'class-validator';

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A solid `size`×`size` RGB PNG. */
export function solidPng(size: number, hex: string): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) =>
    parseInt(
      hex
        .replace('#', '')
        .padEnd(6, '0')
        .slice(i - 1, i + 1),
      16,
    ),
  );
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat()),
  ]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

class Swatch {
  @IsHexColor() color!: string;
}

@McpServer({ name: 'Image tool', version: '1.0.0' })
export class ImageTool {
  @Tool({ description: 'A square PNG of one colour' })
  swatch(form: Swatch): Image {
    return new Image({ data: solidPng(16, form.color), format: 'png' });
  }

  @Tool({ description: 'A square PNG of the given size' })
  square(
    @Arg({
      description: 'Side in pixels (1-256)',
      schema: { type: 'integer', minimum: 1, maximum: 256 },
    })
    size: number,
  ): Image {
    return new Image({ data: solidPng(size, '#3366ff'), format: 'png' });
  }
}

if (require.main === module) void run(ImageTool);
