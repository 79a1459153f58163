import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { AudioContent, ImageContent } from '@typemcp/protocol';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  webm: 'audio/webm',
};

/** Where media comes from: a file path, or bytes with their format. */
export interface MediaSource {
  /** Read from this file; the MIME type comes from its extension. */
  path?: string;
  /** The bytes themselves. */
  data?: Uint8Array;
  /** Format name (`png`, `wav`...) or a full MIME type. */
  format?: string;
}

function mimeOf(source: MediaSource, fallback: string): string {
  const format =
    source.format ?? (source.path ? extname(source.path).slice(1).toLowerCase() : undefined);
  if (!format) return fallback;
  if (format.includes('/')) return format;
  return MIME[format.toLowerCase()] ?? `${fallback.split('/')[0]}/${format.toLowerCase()}`;
}

function bytesOf(source: MediaSource, kind: string): Uint8Array {
  if (source.data) return source.data;
  if (source.path) return readFileSync(source.path);
  throw new Error(`${kind} needs a path or data`);
}

/**
 * An image a tool returns; becomes an `image` content block.
 *
 * @example
 * @Tool() thumbnail(): Image { return new Image({ path: 'logo.png' }); }
 */
export class Image {
  constructor(readonly source: MediaSource) {}

  /** The content block. */
  toContent(): ImageContent {
    return {
      type: 'image',
      data: Buffer.from(bytesOf(this.source, 'Image')).toString('base64'),
      mimeType: mimeOf(this.source, 'image/png'),
    };
  }
}

/**
 * Audio a tool returns; becomes an `audio` content block.
 *
 * @example
 * @Tool() beep(): Audio { return new Audio({ data: wavBytes, format: 'wav' }); }
 */
export class Audio {
  constructor(readonly source: MediaSource) {}

  /** The content block. */
  toContent(): AudioContent {
    return {
      type: 'audio',
      data: Buffer.from(bytesOf(this.source, 'Audio')).toString('base64'),
      mimeType: mimeOf(this.source, 'audio/wav'),
    };
  }
}
