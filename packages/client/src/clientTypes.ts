import type {
  ClientRequestMethods,
  InputRequiredResult,
  ServerRequestMethods,
} from '@typemcp/protocol';

/** Params of a client request as a caller writes them: the protocol `_meta` is added for you. */
export type ClientParams<M extends keyof ClientRequestMethods> = Omit<
  ClientRequestMethods[M]['params'],
  '_meta'
> & {
  _meta?: Record<string, unknown>;
};
/** The complete result of a client request (multi round-trip rounds are answered inside). */
export type ClientResult<M extends keyof ClientRequestMethods> = Exclude<
  ClientRequestMethods[M]['result'],
  InputRequiredResult
>;
/** Answers one server-to-client request method (legacy) or input request (modern). */
export type ServerRequestHandler<M extends keyof ServerRequestMethods> = (
  params: ServerRequestMethods[M]['params'],
  context: { signal: AbortSignal },
) => ServerRequestMethods[M]['result'] | Promise<ServerRequestMethods[M]['result']>;
