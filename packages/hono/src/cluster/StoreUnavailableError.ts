import { ErrorCode } from '@typemcp/protocol';
import type { RequestId } from '@typemcp/protocol';
import { errorResponse } from '../httpErrors';

/**
 * A shared store (sessions, events, bus) did not answer: the request is refused with 503,
 * `Retry-After` and a JSON-RPC error saying so; the client retries and the node recovers as soon
 * as the store is back, without a restart.
 *
 * @example
 * throw new StoreUnavailableError('sessions', cause);
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  constructor(
    readonly store: string,
    cause: unknown,
  ) {
    super(
      `The shared ${store} store is unavailable (${(cause as Error)?.message ?? String(cause)}): retry shortly`,
    );
  }

  /** The 503 answering a request that needed the store. */
  response(id?: RequestId): Response {
    return errorResponse(
      503,
      ErrorCode.InternalError,
      this.message,
      id,
      { store: this.store, retryable: true },
      { 'retry-after': '1' },
    );
  }

  /** Runs `work`, turning any failure into a {@link StoreUnavailableError} of `store`. */
  static async guard<T>(store: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw error instanceof StoreUnavailableError
        ? error
        : new StoreUnavailableError(store, error);
    }
  }
}
