import type { AuthInfo, MessageExtra } from '@typemcp/protocol';
import { headerRecordOf } from './nodeRequest';

/**
 * The transport facts of one HTTP message: the caller, and the request headers, copied only if
 * someone reads them.
 *
 * A class rather than an object literal with a `get headers()` closure on purpose: V8 gives each
 * such literal its own hidden class, kept in old space with the getter's closure, so every
 * request's whole object graph (the Node request and response included) survived two young
 * collections and was promoted — measured, about 4 kB per call and a third of the server's CPU
 * under load. Here the getter lives once on the prototype.
 *
 * @example
 * session.transport.receive(message, new HttpMessageExtra(request, auth));
 */
export class HttpMessageExtra implements MessageExtra {
  closeSseStream?: () => void = undefined;
  /** Set once the server refused the request before any handler ran (see `onrefused`). */
  refused = false;
  private copied?: Record<string, string> = undefined;

  constructor(
    private readonly request: Request,
    readonly auth: AuthInfo | undefined,
  ) {}

  /** The server refused the request before any handler ran: the HTTP answer is then a 400. */
  onrefused(): void {
    this.refused = true;
  }

  /** The request headers, lower-case names (repeated ones joined with `, `). */
  get headers(): Record<string, string> {
    return (this.copied ??= headerRecordOf(this.request));
  }

  set headers(headers: Record<string, string>) {
    this.copied = headers;
  }
}
