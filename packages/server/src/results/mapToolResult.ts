import type { CallToolResult, ContentBlock } from '@typemcp/protocol';
import { instanceToPlain } from 'class-transformer';
import { Audio, Image } from './media';

const BLOCK_TYPES = new Set(['text', 'image', 'audio', 'resource_link', 'resource']);

/** True for a value shaped like a content block. */
export function isContentBlock(value: unknown): value is ContentBlock {
  return (
    typeof value === 'object' &&
    value !== null &&
    BLOCK_TYPES.has((value as { type?: string }).type ?? '')
  );
}

/** True for a full CallToolResult, which passes through untouched. */
export function isCallToolResult(value: unknown): value is CallToolResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const content = (value as { content?: unknown }).content;
  return Array.isArray(content) && content.every(isContentBlock);
}

/**
 * Plain JSON of a value (DTO instances through class-transformer), exactly as it will go on the
 * wire — Dates as ISO strings — so the outputSchema check sees what the client will see.
 */
export function toPlain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const json = JSON.stringify(instanceToPlain(value));
    return json === undefined ? undefined : JSON.parse(json);
  }
  return value;
}

/** Content blocks of one returned value (FastMCP's mapping). */
export function toContentBlocks(value: unknown): ContentBlock[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [{ type: 'text', text: value }];
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return [{ type: 'text', text: String(value) }];
  if (value instanceof Image || value instanceof Audio) return [value.toContent()];
  if (value instanceof Date) return [{ type: 'text', text: value.toISOString() }];
  if (isContentBlock(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(toContentBlocks);
  return [{ type: 'text', text: JSON.stringify(toPlain(value)) }];
}

/** How a tool's output is shaped. */
export interface OutputShape {
  /** The advertised outputSchema, if any. */
  schema?: Record<string, unknown>;
  /** True when a primitive output is wrapped as `{ result: value }`. */
  wrap: boolean;
}

/**
 * Maps a tool method's return value to a CallToolResult: strings, numbers and booleans → text;
 * Image/Audio → media; arrays → several blocks; objects and DTOs → structuredContent plus their
 * JSON as text; a primitive with a declared output → `{ result }`; a full result passes through.
 */
export function mapToolResult(value: unknown, output: OutputShape): CallToolResult {
  if (isCallToolResult(value)) return value;
  if (output.wrap) {
    const plain = toPlain(value);
    return { content: toContentBlocks(value), structuredContent: { result: plain } };
  }
  const isStructured =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Image) &&
    !(value instanceof Audio) &&
    !(value instanceof Date) &&
    !isContentBlock(value);
  if (isStructured || (output.schema && value !== undefined)) {
    const plain = toPlain(value);
    return { content: [{ type: 'text', text: JSON.stringify(plain) }], structuredContent: plain };
  }
  return { content: toContentBlocks(value) };
}
