/**
 * Multi round-trip requests (2026-07-28): instead of sending its own requests, the server answers
 * `tools/call`, `prompts/get` or `resources/read` with an {@link InputRequiredResult}; the client
 * gathers the answers and retries the original request with `inputResponses` and `requestState`.
 */
import type { RequestParams, Result } from './base';
import type { ElicitRequest, ElicitResult } from './elicitation';
import type { ListRootsRequest, ListRootsResult } from './roots';
import type { CreateMessageRequest, CreateMessageResult } from './sampling';

export type { ResultType } from './resultType';

/** A question for the client, shaped like the legacy server request it replaces. */
export type InputRequest = CreateMessageRequest | ListRootsRequest | ElicitRequest;

/** The client's answer to one {@link InputRequest}: that request's result. */
export type InputResponse = CreateMessageResult | ListRootsResult | ElicitResult;

/** Questions keyed by server-chosen ids. */
export interface InputRequests {
  [key: string]: InputRequest;
}

/** Answers keyed by the ids of the {@link InputRequests} they answer. */
export interface InputResponses {
  [key: string]: InputResponse;
}

/**
 * "More input needed": answer `inputRequests` and retry the request, echoing `requestState`. At
 * least one of the two is present (`requestState` alone is a plain retry, e.g. load shedding).
 */
export interface InputRequiredResult extends Result {
  resultType: 'input_required';
  /** Questions to answer before retrying. */
  inputRequests?: InputRequests;
  /** Opaque server state to send back unchanged on the retry; never inspect it. */
  requestState?: string;
}

/** Params of a request that may be a retry after an {@link InputRequiredResult} (2026-07-28). */
export interface InputResponseRequestParams extends RequestParams {
  /** Answers to the previous round's `inputRequests`, under the same keys. */
  inputResponses?: InputResponses;
  /** The previous round's `requestState`, unchanged. */
  requestState?: string;
}
