import {
  ErrorCode,
  McpError,
  META_CLIENT_CAPABILITIES as META_CAPS,
  META_PROTOCOL_VERSION as META_VERSION,
} from '@typemcp/protocol';
import type { JSONRPCMessage, JSONRPCRequest } from '@typemcp/protocol';
import { ServerConnection } from '@typemcp/server';
import type { Server } from '@typemcp/server';
import { errorResponse, httpStatusOf, jsonResponse } from '../httpErrors';
import { limitResponse } from '../limits/refusals';
import { isRefusal } from '../limits/StreamBudget';
import type { StreamBudget } from '../limits/StreamBudget';
import { headersOf, onClientGone } from '../nodeRequest';
import { checkModernHeaders } from './checkModernHeaders';
import type { HttpMessageExtra } from '../HttpMessageExtra';
import { ExchangeTransport } from './ExchangeTransport';
import { sseResponse } from './SseWriter';
import type { SseWriter } from './SseWriter';

/** What {@link serveModernRequest} needs besides the request. */
export interface ModernExchangeOptions {
  /** Interval of SSE keep-alive comments (0: none). */
  keepAliveMs: number;
  /** Called once when the exchange is over: reply complete, or the client went away. */
  ondone: () => void;
  /** Counts open SSE streams: a reply that must become a stream when none is left is refused. */
  streams: StreamBudget;
  /** Errors ride in a 200, as in a legacy session (2026-07-28 maps some to 4xx). */
  errorsIn200?: boolean;
}

/**
 * Answers one 2026-07-28 request, statelessly. The engine checks that `_meta` names a version and
 * capabilities (-32602) and that the headers match the body (-32020), all 400; the values of
 * `_meta` are validated once, by the server, whose refusal (-32602, -32022) is answered with 400
 * like the engine's own. The reply is decided lazily: messages are held until the first one
 * arrives; the final response alone goes out as JSON, while a notification first (progress, a
 * log) turns the reply into an SSE stream. A client that closes the stream (or the connection)
 * cancels the request: its handler's `signal` is aborted. A reply that must become a stream
 * past `maxSseStreams` is refused with 503 and the handler cancelled (`subscriptions/listen`,
 * which always streams, is refused before it runs).
 *
 * The connection is a bare {@link ServerConnection} on a callback transport, never registered
 * with the server and never closed on success: the hot path of a stateless server allocates one
 * small object graph per request and leaves it to the garbage collector.
 *
 * @example
 * return serveModernRequest(server, request, message, extra, { keepAliveMs: 15_000, ondone, streams });
 */
export function serveModernRequest(
  server: Server,
  request: Request,
  message: JSONRPCRequest,
  extra: HttpMessageExtra,
  options: ModernExchangeOptions,
): Promise<Response> | Response {
  const noStream =
    message.method === 'subscriptions/listen' ? options.streams.refusal() : undefined;
  const refused =
    validate(server, request, message) ??
    (noStream && limitResponse(noStream.limit, noStream.value, message.id));
  if (refused) {
    options.ondone();
    return refused;
  }
  return serveExchange(server, request, message, extra, options);
}

/**
 * Answers one request on a throw-away connection (JSON, or SSE once a notification comes first;
 * closing it cancels the request). `prepare` sets the connection up before the request arrives:
 * a stateless legacy request gets the state `initialize` would have given it.
 *
 * @example
 * return serveExchange(server, request, message, extra, options, (c) => (c.legacyVersion = '2025-06-18'));
 */
export function serveExchange(
  server: Server,
  request: Request,
  message: JSONRPCRequest,
  extra: HttpMessageExtra,
  options: ModernExchangeOptions,
  prepare?: (connection: ServerConnection) => void,
): Promise<Response> {
  return new Promise<Response>((resolve) => {
    let writer: SseWriter | undefined;
    let done = false;
    let stopWatching = (): void => undefined;
    const finish = () => {
      if (done) return;
      done = true;
      stopWatching();
      options.ondone();
    };
    // the client went away before the reply was complete: cancellation (spec: "Cancellation")
    const cancel = () => {
      if (done) return;
      finish();
      void transport.close(); // the Session aborts the handler's signal
    };
    const transport = new ExchangeTransport((out: JSONRPCMessage): Promise<void> | undefined => {
      if (done) return;
      const final = !('method' in out) && out.id === message.id;
      if (!writer) {
        if (final) {
          resolve(
            jsonResponse(
              out,
              'error' in out && !options.errorsIn200
                ? httpStatusOf(out.error.code, extra.refused ? 400 : 200)
                : 200,
            ),
          );
          finish();
          return;
        }
        const opened = options.streams.open(options.keepAliveMs);
        if (isRefusal(opened)) {
          resolve(limitResponse(opened.limit, opened.value, message.id));
          cancel();
          return;
        }
        writer = opened;
        writer.onclose = cancel;
        resolve(sseResponse(writer));
      }
      writer.send(out);
      if (final) {
        finish();
        writer.close();
        return undefined;
      }
      return writer.ready(); // a notification's sender waits while the client lags (backpressure)
    });
    const connection = new ServerConnection(server, transport); // its Session attaches itself
    prepare?.(connection);
    transport.receive(message, extra);
    if (!done) stopWatching = onClientGone(request, cancel);
  });
}

/**
 * The transport's checks of a modern request before it reaches the dispatcher (no handshake, a
 * `_meta` naming version and capabilities, headers matching the body); a Response refuses it. The
 * server validates the values of `_meta` itself.
 */
function validate(server: Server, request: Request, message: JSONRPCRequest): Response | undefined {
  if (message.method === 'initialize') {
    return errorResponse(
      404,
      ErrorCode.MethodNotFound,
      'Method not found: initialize (protocol 2026-07-28 has no handshake)',
      message.id,
      {
        supported: server.supportedVersions,
      },
    );
  }
  const meta = message.params?._meta;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return errorResponse(
      400,
      ErrorCode.InvalidParams,
      'Invalid params: missing required _meta (protocol 2026-07-28)',
      message.id,
    );
  }
  const facts = meta as Record<string, unknown>;
  // presence only, before the headers (as ever): the server validates the values once
  for (const key of [META_VERSION, META_CAPS]) {
    if (!(key in facts))
      return errorResponse(
        400,
        ErrorCode.InvalidParams,
        `Invalid params: missing required _meta["${key}"]`,
        message.id,
      );
  }
  try {
    const tool = message.method === 'tools/call' ? message.params?.name : undefined;
    checkModernHeaders(
      headersOf(request),
      message,
      facts[META_VERSION],
      typeof tool === 'string' ? server.toolParamHeaders(tool) : undefined,
    );
  } catch (error) {
    if (!(error instanceof McpError)) throw error;
    return errorResponse(
      httpStatusOf(error.code, 400),
      error.code,
      error.message,
      message.id,
      error.data,
    );
  }
  return undefined;
}
