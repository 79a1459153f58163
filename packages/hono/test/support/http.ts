/** Helpers of the hono tests: requests in both eras and an SSE reader over fetch. */
export const BOTH = 'application/json, text/event-stream';
export const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** Headers of a 2026-07-28 POST. */
export function modernHeaders(
  method: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: BOTH,
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': method,
    ...extra,
  };
}

/** Body of a 2026-07-28 request. */
export function modernBody(
  method: string,
  params: Record<string, unknown> = {},
  id: number | string = 7,
): string {
  const meta = { ...MODERN_META, ...(params._meta as object | undefined) };
  return JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: meta } });
}

/** One parsed SSE event (comments are skipped). */
export interface SseEvent {
  event?: string;
  id?: string;
  data: string;
  retry?: number;
}

/**
 * Reads SSE events until `stop(events)` is true (then cancels the body, cutting the stream) or
 * the stream ends.
 */
export async function readEvents(
  res: Response,
  stop: (events: SseEvent[]) => boolean = () => false,
): Promise<SseEvent[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return events;
      buffer += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event: SseEvent = { data: '' };
        let comment = true;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          comment = false;
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event.event = value;
          if (field === 'id') event.id = value;
          if (field === 'data') event.data += value;
          if (field === 'retry') event.retry = Number(value);
        }
        if (!comment) events.push(event);
        if (stop(events)) {
          await reader.cancel().catch(() => undefined);
          return events;
        }
      }
    }
  } catch {
    return events; // the connection was cut
  }
}

/** The JSON-RPC messages of SSE events (the priming event, with empty data, is skipped). */
export function messagesOf(events: SseEvent[]): Array<Record<string, any>> {
  return events.filter((e) => e.data).map((e) => JSON.parse(e.data) as Record<string, any>);
}

/** Polls until `check()` is true (or fails after `ms`). */
export async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Opens a legacy session (2025-11-25 unless told) and sends `notifications/initialized`. */
export async function openSession(
  url: string,
  version = '2025-11-25',
  accept = BOTH,
): Promise<{ id: string; headers: Record<string, string>; init: Response }> {
  const init = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: version,
        capabilities: {},
        clientInfo: { name: 't', version: '1' },
      },
    }),
  });
  const id = init.headers.get('mcp-session-id') as string;
  const headers = {
    'content-type': 'application/json',
    accept,
    'mcp-session-id': id,
    'mcp-protocol-version': version,
  };
  const done = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  });
  if (done.status !== 202) throw new Error(`initialized → ${done.status}`);
  return { id, headers, init };
}
