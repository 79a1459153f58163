/**
 * Prompts: `prompts/list` and `prompts/get`.
 */
import type {
  BaseMetadata,
  Icons,
  Meta,
  PaginatedRequestParams,
  PaginatedResult,
  Result,
  Role,
} from './base';
import type { ContentBlock } from './content';
import type { CacheableResult } from './lifecycle';
import type { InputResponseRequestParams } from './mrtr';

/** An argument a prompt template accepts. */
export interface PromptArgument extends BaseMetadata {
  /** What the argument means. */
  description?: string;
  /** The argument must be given. */
  required?: boolean;
}

/** A prompt or prompt template the server offers. */
export interface Prompt extends BaseMetadata, Icons {
  /** What the prompt provides. */
  description?: string;
  /** Arguments for templating. */
  arguments?: PromptArgument[];
  _meta?: Meta;
}

/** One message of a prompt; unlike a sampling message it may embed resources. */
export interface PromptMessage {
  role: Role;
  content: ContentBlock;
}

/** Params of `prompts/list`. */
export type ListPromptsParams = PaginatedRequestParams;

/** Result of `prompts/list` (`ttlMs`/`cacheScope` are sent by 2026-07-28 servers). */
export interface ListPromptsResult extends PaginatedResult, CacheableResult {
  prompts: Prompt[];
}

/** Params of `prompts/get` (`inputResponses`/`requestState`: 2026-07-28). */
export interface GetPromptParams extends InputResponseRequestParams {
  /** Name of the prompt. */
  name: string;
  /** Values of the template arguments. */
  arguments?: { [key: string]: string };
}

/** Result of `prompts/get`. */
export interface GetPromptResult extends Result {
  /** Description of the prompt. */
  description?: string;
  messages: PromptMessage[];
}
