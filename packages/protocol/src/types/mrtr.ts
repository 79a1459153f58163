/** Multi round-trip requests (2026-07-28): the server asks inside its result, the client retries. */
import type { Result } from './base';
import type {
  CreateMessageParams,
  CreateMessageResult,
  ElicitRequestParams,
  ElicitResult,
  ListRootsResult,
} from './client';

/** A request for the client, embedded in an {@link InputRequiredResult}. */
export type InputRequest =
  | { method: 'sampling/createMessage'; params: CreateMessageParams }
  | { method: 'roots/list'; params?: { _meta?: { [key: string]: unknown } } }
  | { method: 'elicitation/create'; params: ElicitRequestParams };

/** The client's answer to one {@link InputRequest}. */
export type InputResponse = CreateMessageResult | ListRootsResult | ElicitResult;

/** Input requests keyed by a server-chosen key. */
export interface InputRequests {
  [key: string]: InputRequest;
}

/** Answers keyed like the requests they answer. */
export interface InputResponses {
  [key: string]: InputResponse;
}

/** "I need more input": the client answers `inputRequests` and retries with `requestState`. */
export interface InputRequiredResult extends Result {
  resultType: 'input_required';
  inputRequests?: InputRequests;
  requestState?: string;
}
