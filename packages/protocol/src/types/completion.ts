/**
 * Argument completion: `completion/complete`.
 */
import type { BaseMetadata, RequestParams, Result } from './base';

/** Points at a prompt whose argument is being completed (`title`: 2025-06-18+). */
export interface PromptReference extends BaseMetadata {
  type: 'ref/prompt';
}

/** Points at a resource template (or resource) whose variable is being completed. */
export interface ResourceTemplateReference {
  type: 'ref/resource';
  /** The URI or URI template. */
  uri: string;
}

/** Name of {@link ResourceTemplateReference} in 2024-11-05 and 2025-03-26. */
export type ResourceReference = ResourceTemplateReference;

/** Params of `completion/complete`. */
export interface CompleteParams extends RequestParams {
  /** What is being completed. */
  ref: PromptReference | ResourceTemplateReference;
  /** The argument being completed. */
  argument: {
    /** Argument name. */
    name: string;
    /** What has been typed so far. */
    value: string;
  };
  /** Values already chosen (2025-06-18+). */
  context?: {
    /** Resolved variables of the template or prompt. */
    arguments?: { [key: string]: string };
  };
}

/** Result of `completion/complete`. */
export interface CompleteResult extends Result {
  completion: {
    /** Suggestions, at most 100. */
    values: string[];
    /** How many suggestions exist in all (may exceed `values.length`). */
    total?: number;
    /** More suggestions exist than were sent. */
    hasMore?: boolean;
  };
}
