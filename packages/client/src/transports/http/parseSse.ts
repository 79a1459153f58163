import { ResponseTooLargeError } from '../../errors/ResponseTooLargeError';
import { DEFAULT_MAX_RESPONSE_BYTES } from './httpLimits';

/** One Server-Sent Event. */
export interface SseEvent {
  /** `event:` field; `message` when absent. */
  event: string;
  /** `data:` lines joined with newlines. */
  data: string;
  /** `id:` field, if any. */
  id?: string;
  /** `retry:` field in ms, if any. */
  retry?: number;
}

/**
 * Reads a `text/event-stream` body and yields its events (WHATWG SSE parsing: fields, multi-line
 * data, comments, CR/LF/CRLF line ends). Linear in the body's length: each chunk is scanned once
 * and an unfinished line is kept as pieces, never rescanned. An event (or a line) growing past
 * `maxEventBytes` characters ends the stream with {@link ResponseTooLargeError}.
 *
 * @example
 * for await (const event of parseSse(response.body!)) console.log(event.data);
 */
export async function* parseSse(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  maxEventBytes = DEFAULT_MAX_RESPONSE_BYTES,
): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const lineEnd = /[\r\n]/g;
  let pending: string[] = [];
  let pendingLength = 0;
  let skipLf = false; // the last chunk ended with CR: a LF opening the next one belongs to it
  let data: string[] = [];
  let dataLength = 0;
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const chunk = decoder.decode(value, { stream: true });
      let start = skipLf && chunk.charCodeAt(0) === 10 ? 1 : 0;
      skipLf = false;
      lineEnd.lastIndex = start;
      let match: RegExpExecArray | null;
      while ((match = lineEnd.exec(chunk))) {
        const end = match.index;
        const line =
          pendingLength > 0 ? pending.join('') + chunk.slice(start, end) : chunk.slice(start, end);
        pending = [];
        pendingLength = 0;
        if (chunk.charCodeAt(end) === 13) {
          if (end + 1 === chunk.length) skipLf = true;
          else if (chunk.charCodeAt(end + 1) === 10) lineEnd.lastIndex = end + 2;
        }
        start = lineEnd.lastIndex;
        if (line === '') {
          if (data.length > 0 || id !== undefined || retry !== undefined) {
            yield { event: event || 'message', data: data.join('\n'), id, retry };
          }
          data = [];
          dataLength = 0;
          event = '';
          retry = undefined;
          continue;
        }
        if (line.charCodeAt(0) === 58 /* : */) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let fieldValue = colon === -1 ? '' : line.slice(colon + 1);
        if (fieldValue.charCodeAt(0) === 32) fieldValue = fieldValue.slice(1);
        if (field === 'data') {
          data.push(fieldValue);
          dataLength += fieldValue.length + 1;
        } else if (field === 'event') event = fieldValue;
        else if (field === 'id') id = fieldValue.includes('\0') ? id : fieldValue;
        else if (field === 'retry' && /^\d+$/.test(fieldValue)) retry = Number(fieldValue);
        if (dataLength > maxEventBytes)
          throw new ResponseTooLargeError('maxSseEventBytes', maxEventBytes);
      }
      if (start < chunk.length) {
        pending.push(chunk.slice(start));
        pendingLength += chunk.length - start;
      }
      if (pendingLength + dataLength > maxEventBytes)
        throw new ResponseTooLargeError('maxSseEventBytes', maxEventBytes);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await reader.cancel().catch(() => undefined);
    reader.releaseLock?.();
  }
}
