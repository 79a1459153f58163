import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import {
  Audio,
  createServer,
  embeddedResource,
  Image,
  McpServer,
  resourceLink,
  Tool,
} from '@typemcp/server';
import { mapToolResult } from '../../src/results/mapToolResult';
import { mapResourceResult } from '../../src/results/mapResourceResult';
import { mapPromptResult } from '../../src/results/mapPromptResult';

const dir = mkdtempSync(join(tmpdir(), 'typemcp-media-'));
writeFileSync(join(dir, 'pic.JPG'), Buffer.from([1, 2, 3]));
writeFileSync(join(dir, 'clip.mp3'), Buffer.from([4, 5]));

class Dto {
  constructor(
    readonly name: string,
    readonly at: Date,
  ) {}
}

describe('tool results (FastMCP mapping)', () => {
  const none = { wrap: false };
  const numberOut = {
    wrap: true,
    schema: { type: 'object', properties: { result: { type: 'number' } }, required: ['result'] },
  };
  it.each<[string, unknown, { wrap: boolean; schema?: Record<string, unknown> }, unknown]>([
    ['string', 'hi', none, { content: [{ type: 'text', text: 'hi' }] }],
    ['number', 4.5, none, { content: [{ type: 'text', text: '4.5' }] }],
    ['boolean', false, none, { content: [{ type: 'text', text: 'false' }] }],
    ['undefined', undefined, none, { content: [] }],
    [
      'declared primitive',
      7,
      numberOut,
      { content: [{ type: 'text', text: '7' }], structuredContent: { result: 7 } },
    ],
    [
      'image from a path',
      new Image({ path: join(dir, 'pic.JPG') }),
      none,
      { content: [{ type: 'image', data: 'AQID', mimeType: 'image/jpeg' }] },
    ],
    [
      'audio from a path',
      new Audio({ path: join(dir, 'clip.mp3') }),
      none,
      { content: [{ type: 'audio', data: 'BAU=', mimeType: 'audio/mpeg' }] },
    ],
    [
      'image from bytes, MIME given',
      new Image({ data: Uint8Array.from([1]), format: 'image/avif' }),
      none,
      { content: [{ type: 'image', data: 'AQ==', mimeType: 'image/avif' }] },
    ],
    [
      'resource link',
      resourceLink('file:///x', { name: 'x', mimeType: 'text/plain' }),
      none,
      { content: [{ type: 'resource_link', uri: 'file:///x', name: 'x', mimeType: 'text/plain' }] },
    ],
    [
      'embedded bytes',
      embeddedResource('bin://1', Uint8Array.from([255]), 'application/octet-stream'),
      none,
      {
        content: [
          {
            type: 'resource',
            resource: { uri: 'bin://1', blob: '/w==', mimeType: 'application/octet-stream' },
          },
        ],
      },
    ],
    [
      'array of mixed',
      ['a', 1, ['b']],
      none,
      {
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: '1' },
          { type: 'text', text: 'b' },
        ],
      },
    ],
    [
      'DTO instance (Date as ISO string)',
      new Dto('n', new Date('2025-01-01T00:00:00Z')),
      none,
      {
        content: [{ type: 'text', text: '{"name":"n","at":"2025-01-01T00:00:00.000Z"}' }],
        structuredContent: { name: 'n', at: '2025-01-01T00:00:00.000Z' },
      },
    ],
    [
      'full result passes through',
      { content: [{ type: 'text', text: 'x' }], structuredContent: { a: 1 }, isError: false },
      none,
      { content: [{ type: 'text', text: 'x' }], structuredContent: { a: 1 }, isError: false },
    ],
  ])('%s', (_label, value, output, expected) => {
    expect(mapToolResult(value, output)).toEqual(expected);
  });
});

describe('resource and prompt results', () => {
  it('maps resources: text, bytes, JSON, contents', () => {
    expect(mapResourceResult('t', 'a://1')).toEqual({
      contents: [{ uri: 'a://1', mimeType: 'text/plain', text: 't' }],
    });
    expect(mapResourceResult(Buffer.from('hi'), 'a://1')).toEqual({
      contents: [{ uri: 'a://1', mimeType: 'application/octet-stream', blob: 'aGk=' }],
    });
    expect(mapResourceResult({ a: [1] }, 'a://1')).toEqual({
      contents: [{ uri: 'a://1', mimeType: 'application/json', text: '{"a":[1]}' }],
    });
    expect(mapResourceResult({ uri: 'a://2', text: 'x' }, 'a://1')).toEqual({
      contents: [{ uri: 'a://2', text: 'x' }],
    });
  });

  it('maps prompts: a string, messages, a full result', () => {
    expect(mapPromptResult('hi')).toEqual({
      messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
    });
    expect(
      mapPromptResult({ role: 'assistant', content: { type: 'text', text: 'ok' } }, 'd'),
    ).toEqual({
      description: 'd',
      messages: [{ role: 'assistant', content: { type: 'text', text: 'ok' } }],
    });
    const full = { description: 'x', messages: [] };
    expect(mapPromptResult(full, 'ignored')).toBe(full);
  });
});

describe('structuredOutput: false', () => {
  it('advertises no outputSchema and sends a primitive once, as text', async () => {
    @McpServer({ name: 'plain-output', version: '1' })
    class PlainOutput {
      @Tool({ structuredOutput: false })
      shout(text: string): string {
        return text.toUpperCase();
      }

      @Tool()
      whisper(text: string): string {
        return text.toLowerCase();
      }
    }
    const app = createServer({ providers: [PlainOutput] });
    const [shout, whisper] = app.registry.listTools();
    expect(shout.outputSchema).toBeUndefined();
    expect(whisper.outputSchema).toEqual({
      type: 'object',
      properties: { result: { type: 'string' } },
      required: ['result'],
    });
    const entry = app.registry.tool('shout');
    expect(await entry.call({ text: 'hi' }, {} as never)).toEqual({
      content: [{ type: 'text', text: 'HI' }],
    });
  });
});
