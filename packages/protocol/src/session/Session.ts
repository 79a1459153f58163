import { ErrorCode } from '../errors/ErrorCode';
import { McpError } from '../errors/McpError';
import { toErrorObject } from '../errors/toErrorObject';
import {
  ConnectionClosedError,
  RequestCancelledError,
  RequestTimeoutError,
} from '../errors/localErrors';
import type {
  JSONRPCErrorObject,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCParams,
  JSONRPCRequest,
  JSONRPCResponse,
  RequestId,
} from '../jsonrpc/messages';
import type { MessageExtra, Transport, TransportReceiver } from '../transport/Transport';
import { InflightRequest } from './InflightRequest';
import type { IncomingRequestContext } from './InflightRequest';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './RequestOptions';
import type { NotificationOptions, Progress, RequestOptions } from './RequestOptions';

/** Answers an incoming request: returns the `result` object, or throws (McpError → its code). */
export type SessionRequestHandler = (
  request: JSONRPCRequest,
  context: IncomingRequestContext,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** Receives incoming notifications other than cancellation and progress. */
export type SessionNotificationHandler = (
  notification: JSONRPCNotification,
  transportExtra?: MessageExtra,
) => void;

/** How a {@link Session} is set up. */
export interface SessionOptions {
  /** Answers incoming requests. Without it every request gets -32601. */
  onrequest?: SessionRequestHandler;
  /** Receives incoming notifications. */
  onnotification?: SessionNotificationHandler;
  /** Called once after the transport closed and every pending request failed. */
  onclose?: () => void;
  /** Transport and protocol errors that do not close the session. */
  onerror?: (error: Error) => void;
  /** Default timeout of outgoing requests (60 s). */
  defaultTimeoutMs?: number;
  /** Says why the connection closed, for the errors of the requests it fails (e.g. the exit code). */
  describeClose?: () => string;
  /**
   * Most incoming requests handled at once (default 1000). A request beyond it is answered at
   * once with -32603 naming this limit, and the session keeps serving the others.
   */
  maxConcurrentRequests?: number;
  /**
   * True while JSON-RPC batches are accepted (a 2025-03-26 session): the session answers its
   * transport's `acceptsBatches` with it (or the transport asks, through `Transport.attach`).
   * Without it batches are refused.
   */
  acceptsBatches?(): boolean;
}

/** Default of {@link SessionOptions.maxConcurrentRequests}. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 1000;

interface PendingRequest {
  method: string;
  resolve: (result: Record<string, unknown>) => void;
  reject: (error: Error) => void;
  onprogress?: (progress: Progress) => void;
  timer?: ReturnType<typeof setTimeout>;
  timeoutMs: number;
  resetOnProgress: boolean;
  deadline: number;
  cleanup?: () => void;
}

/**
 * The JSON-RPC engine of one connection: correlates responses, runs handlers with an
 * AbortSignal, routes cancellation and progress both ways, and times requests out.
 *
 * @example
 * const session = new Session(transport, { onrequest: (req) => ({}) });
 * await session.start();
 * const result = await session.request('ping');
 */
export class Session implements TransportReceiver {
  private nextId = 0;
  private readonly pending = new Map<RequestId, PendingRequest>();
  private readonly progressTokens = new Map<string | number, RequestId>();
  private readonly inflight = new Map<RequestId, InflightRequest>();
  private closed = false;
  private readonly defaultTimeoutMs: number;

  constructor(
    readonly transport: Transport,
    private readonly options: SessionOptions = {},
  ) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    if (transport.attach) {
      transport.attach(this); // no closure per connection (see Transport.attach)
      return;
    }
    transport.onmessage = (message, extra) => this.receive(message, extra);
    transport.onclose = () => this.handleClose();
    transport.onerror = (error) => this.options.onerror?.(error);
    if (options.acceptsBatches) transport.acceptsBatches = () => this.acceptsBatches();
  }

  /** The transport closed (a transport that took this session through `Transport.attach`). */
  transportClosed(): void {
    this.handleClose();
  }

  /** A transport error that did not close it (through `Transport.attach`). */
  transportError(error: Error): void {
    this.options.onerror?.(error);
  }

  /** True while the session's owner accepts JSON-RPC batches (`SessionOptions.acceptsBatches`). */
  acceptsBatches(): boolean {
    return this.options.acceptsBatches?.() ?? false;
  }

  /** Starts the transport. */
  start(): Promise<void> {
    return this.transport.start();
  }

  /** True once the transport has closed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Number of incoming requests being handled now. */
  get inflightCount(): number {
    return this.inflight.size;
  }

  /** Number of outgoing requests waiting for a response. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Sends a request and resolves with its `result` (rejects with {@link McpError} for an error
   * response, or a local error for timeout, cancellation or a closed connection).
   */
  request<T = Record<string, unknown>>(
    method: string,
    params?: JSONRPCParams,
    options: RequestOptions = {},
  ): Promise<T> {
    if (this.closed) return Promise.reject(new ConnectionClosedError());
    let id: number;
    do id = this.nextId++;
    while (this.pending.has(id));
    const message: JSONRPCRequest = { jsonrpc: '2.0', id, method };
    if (options.onprogress) {
      const meta = { ...(params?._meta as object | undefined), progressToken: id };
      message.params = { ...params, _meta: meta };
      this.progressTokens.set(id, id);
    } else if (params !== undefined) {
      message.params = params;
    }
    return new Promise<T>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
      const entry: PendingRequest = {
        method,
        resolve: resolve as (r: Record<string, unknown>) => void,
        reject,
        onprogress: options.onprogress,
        timeoutMs,
        resetOnProgress: options.resetTimeoutOnProgress ?? false,
        deadline: Date.now() + (options.maxTotalTimeoutMs ?? Infinity),
      };
      const signal = options.signal;
      if (signal) {
        if (signal.aborted) {
          reject(new RequestCancelledError(method, signal.reason));
          return;
        }
        const onAbort = () =>
          this.cancelOutgoing(id, new RequestCancelledError(method, signal.reason), signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        entry.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      this.pending.set(id, entry);
      this.armTimer(id, entry, timeoutMs);
      this.transport
        .send(message, { relatedRequestId: options.relatedRequestId })
        .catch((error: Error) => {
          this.settle(id)?.reject(error);
        });
    });
  }

  /** Sends a notification. */
  notify(method: string, params?: JSONRPCParams, options?: NotificationOptions): Promise<void> {
    if (this.closed) return Promise.resolve();
    const message: JSONRPCNotification =
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
    return this.transport.send(message, options);
  }

  /** Closes the transport; pending requests fail with {@link ConnectionClosedError}. */
  async close(): Promise<void> {
    await this.transport.close();
    this.handleClose();
  }

  /** Feeds one message in (transports call this through `onmessage`). */
  receive(message: JSONRPCMessage, extra?: MessageExtra): void {
    if ('method' in message) {
      if ('id' in message) this.handleRequest(message as JSONRPCRequest, extra);
      else this.handleNotification(message, extra);
    } else {
      this.handleResponse(message as JSONRPCResponse);
    }
  }

  private armTimer(id: RequestId, entry: PendingRequest, ms: number): void {
    if (!Number.isFinite(ms)) return;
    const wait = Math.min(ms, entry.deadline - Date.now());
    entry.timer = setTimeout(
      () => {
        this.cancelOutgoing(
          id,
          new RequestTimeoutError(entry.method, id, entry.timeoutMs),
          'Request timed out',
        );
      },
      Math.max(0, wait),
    );
  }

  private settle(id: RequestId): PendingRequest | undefined {
    const entry = this.pending.get(id);
    if (!entry) return undefined;
    this.pending.delete(id);
    if (entry.timer) clearTimeout(entry.timer);
    if (entry.onprogress) this.progressTokens.delete(id);
    entry.cleanup?.();
    return entry;
  }

  private cancelOutgoing(id: RequestId, error: Error, reason: unknown): void {
    const entry = this.settle(id);
    if (!entry) return;
    entry.reject(error);
    const params: JSONRPCParams = { requestId: id };
    if (typeof reason === 'string') params.reason = reason;
    else if (reason instanceof Error) params.reason = reason.message;
    this.notify('notifications/cancelled', params).catch(() => undefined);
  }

  private handleResponse(message: JSONRPCResponse): void {
    if (message.id === undefined) {
      if ('error' in message) this.options.onerror?.(McpError.fromError(message.error));
      return;
    }
    const entry = this.settle(message.id);
    if (!entry) return; // late or unknown: dropped
    if ('result' in message) entry.resolve(message.result);
    else entry.reject(McpError.fromError(message.error));
  }

  private handleNotification(message: JSONRPCNotification, extra?: MessageExtra): void {
    if (message.method === 'notifications/cancelled') {
      const requestId = message.params?.requestId;
      if (typeof requestId === 'string' || typeof requestId === 'number') {
        this.inflight.get(requestId)?.abort(message.params?.reason ?? 'Cancelled by the peer');
      }
    } else if (message.method === 'notifications/progress') {
      const token = message.params?.progressToken;
      if (typeof token === 'string' || typeof token === 'number') {
        const id = this.progressTokens.get(token);
        const entry = id === undefined ? undefined : this.pending.get(id);
        if (entry && id !== undefined) {
          const p = message.params as unknown as Progress;
          if (entry.resetOnProgress) {
            if (entry.timer) clearTimeout(entry.timer);
            this.armTimer(id, entry, entry.timeoutMs);
          }
          try {
            entry.onprogress?.({ progress: p.progress, total: p.total, message: p.message });
          } catch (error) {
            this.options.onerror?.(error as Error);
          }
          return;
        }
      }
    }
    this.options.onnotification?.(message, extra);
  }

  private handleRequest(request: JSONRPCRequest, extra?: MessageExtra): void {
    const id = request.id;
    if (this.inflight.has(id)) {
      this.respondError(id, {
        code: ErrorCode.InvalidRequest,
        message: `Request id ${JSON.stringify(id)} is already in flight`,
      });
      return;
    }
    const max = this.options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS;
    if (this.inflight.size >= max) {
      this.respondError(id, {
        code: ErrorCode.InternalError,
        message: `Server busy: ${max} requests are already being handled on this connection (maxConcurrentRequests); retry when some have finished`,
        data: { maxConcurrentRequests: max },
      });
      return;
    }
    if (!this.options.onrequest) {
      this.respondError(id, {
        code: ErrorCode.MethodNotFound,
        message: `Method not found: ${request.method}`,
      });
      return;
    }
    const inflight = new InflightRequest(id, extra);
    this.inflight.set(id, inflight);
    let outcome: Promise<Record<string, unknown>> | Record<string, unknown>;
    try {
      outcome = this.options.onrequest(request, inflight); // a method call: options may be a class
    } catch (error) {
      this.finish(inflight, undefined, error);
      return;
    }
    if (outcome instanceof Promise) {
      outcome.then(
        (result) => this.finish(inflight, result, undefined),
        (error: unknown) => this.finish(inflight, undefined, error),
      );
    } else {
      this.finish(inflight, outcome, undefined);
    }
  }

  private finish(
    inflight: InflightRequest,
    result: Record<string, unknown> | undefined,
    error: unknown,
  ): void {
    const id = inflight.requestId;
    if (this.inflight.get(id) === inflight) this.inflight.delete(id);
    if (inflight.cancelled || this.closed) return; // cancelled: no response
    if (result !== undefined) {
      this.transport
        .send({ jsonrpc: '2.0', id, result }, { relatedRequestId: id })
        .catch((e: Error) => this.options.onerror?.(e));
    } else {
      if (!(error instanceof McpError))
        this.options.onerror?.(error instanceof Error ? error : new Error(String(error)));
      this.respondError(id, toErrorObject(error));
    }
  }

  private respondError(id: RequestId, error: JSONRPCErrorObject): void {
    this.transport
      .send({ jsonrpc: '2.0', id, error }, { relatedRequestId: id })
      .catch((e: Error) => this.options.onerror?.(e));
  }

  private handleClose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const inflight of this.inflight.values()) inflight.abort(new ConnectionClosedError());
    this.inflight.clear();
    const reason = this.options.describeClose?.();
    const error = new ConnectionClosedError(reason ? `Connection closed: ${reason}` : undefined);
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
    this.options.onclose?.();
  }
}
