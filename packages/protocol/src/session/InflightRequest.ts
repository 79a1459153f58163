import type { RequestId } from '../jsonrpc/messages';
import type { MessageExtra } from '../transport/Transport';

/** What a request handler receives besides the request. */
export interface IncomingRequestContext {
  /** The request's id. */
  readonly requestId: RequestId;
  /** Aborted when the peer cancels the request or the connection closes (created on first use). */
  readonly signal: AbortSignal;
  /** True once the request was cancelled; cheaper than `signal.aborted` (no signal is created). */
  readonly cancelled: boolean;
  /** What the transport knew about the message (HTTP headers, auth). */
  readonly transportExtra?: MessageExtra;
}

/**
 * One incoming request being handled. Its AbortController is created only when a handler asks
 * for the signal: most requests finish without anyone looking, and creating one per request
 * was the largest single cost of the hot path.
 */
export class InflightRequest implements IncomingRequestContext {
  private controller?: AbortController;
  private reason: unknown;
  cancelled = false;

  constructor(
    readonly requestId: RequestId,
    readonly transportExtra: MessageExtra | undefined,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.cancelled) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}
