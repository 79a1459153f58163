import type {
  Implementation,
  IncomingRequestContext,
  JSONRPCRequest,
  ServerCapabilities,
} from '@typemcp/protocol';
import type { RequestStateCodec } from '../mrtr/requestState';
import type { RequestContext } from './RequestContext';
import type { ServerConnection } from './ServerConnection';
import type { ServerOptions } from './ServerOptions';

/**
 * Serves the requests of one protocol era: the legacy dispatcher (`initialize` and the sessions it
 * opens) or the modern one (stateless 2026-07-28 requests carrying their `_meta`).
 */
export interface Dispatcher {
  /** Answers one request of this era (`meta`: its `_meta`, `{}` when it has none). */
  serve(
    connection: ServerConnection,
    request: JSONRPCRequest,
    incoming: IncomingRequestContext,
    meta: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}

/**
 * What a {@link Dispatcher} reads from the server it dispatches for: identity, versions,
 * capabilities, and the handlers (through `invoke`). The low-level `Server` is one.
 */
export interface DispatchHost {
  readonly options: ServerOptions;
  readonly serverInfo: Implementation;
  readonly supportedVersions: readonly string[];
  readonly capabilities: ServerCapabilities;
  /** Capabilities declared only to sessions that negotiate 2025-11-25 or later. */
  readonly sessionCapabilities?: ServerCapabilities;
  readonly requestStates: RequestStateCodec;
  readonly broadcastListeners: Set<(method: string, params?: Record<string, unknown>) => void>;
  readonly closeListeners: Set<() => void>;
  /** Runs the handler of `method`, or answers -32601. */
  invoke(method: string, params: Record<string, unknown>, context: RequestContext): unknown;
}
