import type { RequestContext } from './RequestContext';

/**
 * What a derived context changes: its own cancellation signal and its own way of talking to
 * the client (both required, so a derivation decides them), plus any fact it replaces.
 */
export type RequestContextChanges = Partial<RequestContext> &
  Pick<RequestContext, 'signal' | 'sendProgress' | 'log' | 'sendNotification' | 'sendRequest'> & {
    /** The original request's SSE stream is not the derived work's: say whether it may close it. */
    closeSseStream: RequestContext['closeSseStream'] | undefined;
  };

/**
 * A request context for work that continues a request elsewhere (a task running after its
 * `tools/call` was answered, a task re-run with the client's answers): every fact of `base`
 * (id, era, version, capabilities, client, `_meta`, auth, headers, log level, and any fact added
 * later) is read through from it, and `changes` replace what differs. The one way contexts are
 * derived, so a new field of {@link RequestContext} cannot be forgotten by a copy.
 *
 * @example
 * const context = deriveRequestContext(ctx, { signal, taskMode: true, closeSseStream: undefined, sendProgress, log, sendNotification, sendRequest });
 */
export function deriveRequestContext(
  base: RequestContext,
  changes: RequestContextChanges,
): RequestContext {
  const own: PropertyDescriptorMap = {};
  for (const [key, value] of Object.entries(changes)) own[key] = { value, enumerable: true };
  // the base stays the prototype: its getters (e.g. lazily copied headers) keep working
  return Object.create(base, own) as RequestContext;
}
