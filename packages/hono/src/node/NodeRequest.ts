import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { rememberNodeExchange, watchNodeAbort } from '../nodeRequest';

/**
 * The Request the engine is given for a Node.js request that `serve()` answers itself: method
 * and exchange at once (the engine reads headers and body from Node's objects, see
 * nodeRequest.ts); `url`, `headers`, `signal` and `body` are built only if something asks (the
 * OAuth guard reads `url` and `authorization`). It stands in for the WHATWG Request that
 * @hono/node-server would build, with its URL parse and wrapper objects, on every call.
 */
export class NodeRequest {
  readonly method: string;
  private urlValue?: string;
  private headersValue?: Headers;
  private controller?: AbortController;

  constructor(
    private readonly incoming: IncomingMessage,
    private readonly outgoing: ServerResponse,
  ) {
    this.method = incoming.method ?? 'GET';
    rememberNodeExchange(this as unknown as Request, { incoming, outgoing });
  }

  /** The absolute URL (scheme and host from the connection and the `Host` header). */
  get url(): string {
    const secure = (this.incoming.socket as { encrypted?: boolean } | null)?.encrypted === true;
    return (this.urlValue ??= `${secure ? 'https' : 'http'}://${this.incoming.headers.host ?? 'localhost'}${this.incoming.url ?? '/'}`);
  }

  /** The request headers as a WHATWG Headers (built on first use). */
  get headers(): Headers {
    if (!this.headersValue) {
      const headers = new Headers();
      const raw = this.incoming.rawHeaders;
      for (let i = 0; i < raw.length; i += 2)
        headers.append(raw[i] as string, raw[i + 1] as string);
      this.headersValue = headers;
    }
    return this.headersValue;
  }

  /** Aborts when the client goes away before the response is complete. */
  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = new AbortController();
      watchNodeAbort(this.outgoing, () => controller.abort());
      this.controller = controller;
    }
    return this.controller.signal;
  }

  /** The body as a web stream (the engine reads Node's stream instead while it is unread). */
  get body(): ReadableStream<Uint8Array> {
    return Readable.toWeb(this.incoming) as unknown as ReadableStream<Uint8Array>;
  }

  /** The Request's view of this object, for the engine's signatures. */
  asRequest(): Request {
    return this as unknown as Request;
  }
}
