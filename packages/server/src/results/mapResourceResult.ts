import type { ReadResourceResult, ResourceContents } from '@typemcp/protocol';
import { toPlain } from './mapToolResult';

function isContents(value: unknown): value is ResourceContents {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { uri?: unknown }).uri === 'string' &&
    (typeof (value as { text?: unknown }).text === 'string' ||
      typeof (value as { blob?: unknown }).blob === 'string')
  );
}

/**
 * Maps a resource method's return value: string → text, bytes → base64 blob, object → JSON,
 * contents or a full ReadResourceResult pass through.
 */
export function mapResourceResult(
  value: unknown,
  uri: string,
  mimeType?: string,
): ReadResourceResult {
  if (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as ReadResourceResult).contents)
  ) {
    return value as ReadResourceResult;
  }
  if (Array.isArray(value) && value.every(isContents)) return { contents: value };
  if (isContents(value)) return { contents: [value] };
  if (typeof value === 'string')
    return { contents: [{ uri, mimeType: mimeType ?? 'text/plain', text: value }] };
  if (value instanceof Uint8Array) {
    return {
      contents: [
        {
          uri,
          mimeType: mimeType ?? 'application/octet-stream',
          blob: Buffer.from(value).toString('base64'),
        },
      ],
    };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { contents: [{ uri, mimeType: mimeType ?? 'text/plain', text: String(value) }] };
  }
  return {
    contents: [
      {
        uri,
        mimeType: mimeType ?? 'application/json',
        text: JSON.stringify(toPlain(value) ?? null),
      },
    ],
  };
}
