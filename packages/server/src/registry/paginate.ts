import { ErrorCode, McpError } from '@typemcp/protocol';

/**
 * One page of `items` after the opaque `cursor` (a base64url offset bound to the list's kind);
 * a cursor that is not one of ours is -32602.
 */
export function paginate<T>(
  items: readonly T[],
  cursor: unknown,
  pageSize: number,
  kind: string,
): { page: T[]; nextCursor?: string } {
  let offset = 0;
  if (cursor !== undefined) {
    const decoded = typeof cursor === 'string' ? decodeCursor(cursor) : undefined;
    if (!decoded || decoded.k !== kind || decoded.o < 0 || decoded.o > items.length) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Invalid cursor for ${kind}: ${JSON.stringify(cursor)}`,
      );
    }
    offset = decoded.o;
  }
  if (offset === 0 && items.length <= pageSize) return { page: items as T[] };
  const end = offset + pageSize;
  const page = items.slice(offset, end);
  return end < items.length
    ? { page, nextCursor: Buffer.from(JSON.stringify({ k: kind, o: end })).toString('base64url') }
    : { page };
}

function decodeCursor(cursor: string): { k: string; o: number } | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      k?: unknown;
      o?: unknown;
    };
    return typeof value.k === 'string' && Number.isInteger(value.o)
      ? { k: value.k, o: value.o as number }
      : undefined;
  } catch {
    return undefined;
  }
}
