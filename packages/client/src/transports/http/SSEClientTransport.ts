import { validateMessage } from '@typemcp/protocol';
import type { OAuthClientProvider } from '../../auth/OAuthClientProvider';
import { withOAuth } from '../../auth/withOAuth';
import type { JSONRPCMessage, MessageExtra, Transport } from '@typemcp/protocol';
import { DEFAULT_MAX_RESPONSE_BYTES, fetchChecked, readTextLimited } from './httpLimits';
import type { HttpClientLimits } from './httpLimits';
import { parseSse } from './parseSse';
import { HttpStatusError } from './StreamableHTTPClientTransport';

/** Options of {@link SSEClientTransport}. */
export interface SSEClientTransportOptions extends HttpClientLimits {
  /** A custom fetch (default: the global one). */
  fetch?: typeof fetch;
  /**
   * Log in with OAuth when the server asks (401, or 403 `insufficient_scope` for step-up):
   * discovery, registration, PKCE, tokens, refresh. See docs/auth.md.
   */
  authProvider?: OAuthClientProvider;
  /** Headers added to every request. */
  headers?: Record<string, string>;
  /** How long to wait for the `endpoint` event (default 10 s). */
  endpointTimeoutMs?: number;
}

/**
 * The client side of the deprecated HTTP+SSE transport (protocol 2024-11-05): a GET opens the
 * event stream, whose `endpoint` event names the URL every message is POSTed to; replies come
 * back as `message` events.
 *
 * @example
 * await client.connect(new SSEClientTransport(new URL('http://127.0.0.1:3000/sse')));
 */
export class SSEClientTransport implements Transport {
  private readonly fetchImpl: typeof fetch;
  private readonly controller = new AbortController();
  private endpoint?: URL;
  private closed = false;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  constructor(
    readonly url: URL,
    private readonly options: SSEClientTransportOptions = {},
  ) {
    this.fetchImpl = options.authProvider
      ? withOAuth(url, options.authProvider, options.fetch ?? fetch)
      : (options.fetch ?? fetch);
  }

  /** Opens the stream and waits for the `endpoint` event. */
  async start(): Promise<void> {
    const response = await fetchChecked(
      this.fetchImpl,
      this.url,
      {
        method: 'GET',
        headers: { ...this.options.headers, accept: 'text/event-stream' },
        signal: this.controller.signal,
      },
      this.options,
      this.options.headers,
    );
    if (
      !response.ok ||
      !response.body ||
      !(response.headers.get('content-type') ?? '').includes('text/event-stream')
    ) {
      await response.body?.cancel();
      throw new HttpStatusError(
        response.status,
        'expected a text/event-stream with an endpoint event',
      );
    }
    const events = parseSse(response.body, this.controller.signal, this.options.maxSseEventBytes);
    const timeoutMs = this.options.endpointTimeoutMs ?? 10_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const first = await Promise.race([
      events.next(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`No endpoint event within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if (first.done || first.value.event !== 'endpoint') {
      this.controller.abort();
      throw new Error('The SSE stream did not start with an endpoint event');
    }
    const endpoint = new URL(first.value.data, this.url);
    if (endpoint.origin !== this.url.origin) {
      this.controller.abort();
      throw new Error(
        `Endpoint origin ${endpoint.origin} does not match the SSE origin ${this.url.origin}`,
      );
    }
    this.endpoint = endpoint;
    void this.pump(events);
  }

  private async pump(events: AsyncGenerator<{ event: string; data: string }>): Promise<void> {
    try {
      for await (const event of events) {
        if (event.event !== 'message') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(event.data);
        } catch {
          this.onerror?.(new Error('Invalid JSON in SSE message event'));
          continue;
        }
        const decoded = validateMessage(parsed);
        if (decoded.ok) this.onmessage?.(decoded.message);
        else this.onerror?.(new Error(decoded.response.error.message));
      }
    } catch (error) {
      if (!this.closed) this.onerror?.(error as Error);
    }
    if (!this.closed) await this.close();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (!this.endpoint) throw new Error('Not connected: call start() first');
    const response = await fetchChecked(
      this.fetchImpl,
      this.endpoint,
      {
        method: 'POST',
        headers: { ...this.options.headers, 'content-type': 'application/json' },
        body: JSON.stringify(message),
      },
      this.options,
      this.options.headers,
    );
    const text = await readTextLimited(
      response,
      this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    );
    if (!response.ok) throw new HttpStatusError(response.status, text);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.controller.abort();
    this.onclose?.();
  }
}
