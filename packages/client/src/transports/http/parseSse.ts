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
 * data, comments, CR/LF/CRLF line ends).
 *
 * @example
 * for await (const event of parseSse(response.body!)) console.log(event.data);
 */
export async function* parseSse(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let index: number;
      while ((index = buffer.search(/\r\n|\r|\n/)) !== -1) {
        const line = buffer.slice(0, index);
        const sepLength = buffer[index] === '\r' && buffer[index + 1] === '\n' ? 2 : 1;
        if (buffer[index] === '\r' && index + 1 === buffer.length) break; // wait: maybe CRLF split
        buffer = buffer.slice(index + sepLength);
        if (line === '') {
          if (data.length > 0 || id !== undefined || retry !== undefined) {
            yield { event: event || 'message', data: data.join('\n'), id, retry };
          }
          data = [];
          event = '';
          retry = undefined;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
        else if (field === 'id') id = value.includes('\0') ? id : value;
        else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock?.();
  }
}
