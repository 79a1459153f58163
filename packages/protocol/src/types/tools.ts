/**
 * Tools: `tools/list`, `tools/call` and the tool definition.
 */
import type { PaginatedRequestParams, PaginatedResult, Result } from './base';
import type { ContentBlock } from './content';
import type { CacheableResult } from './lifecycle';
import type { InputResponseRequestParams } from './mrtr';
import type { TaskMetadata } from './taskMetadata';
import type { Tool } from './tool';

export type { JsonSchema, Tool, ToolAnnotations, ToolExecution, ToolInputSchema } from './tool';

/** Params of `tools/list`. */
export type ListToolsParams = PaginatedRequestParams;

/** Result of `tools/list` (`ttlMs`/`cacheScope` are sent by 2026-07-28 servers). */
export interface ListToolsResult extends PaginatedResult, CacheableResult {
  tools: Tool[];
}

/** Params of `tools/call`. */
export interface CallToolParams extends InputResponseRequestParams {
  /** Tool name. */
  name: string;
  /** Tool arguments. */
  arguments?: { [key: string]: unknown };
  /**
   * Asks for task-augmented execution: the answer is then a `CreateTaskResult` (2025-11-25
   * experimental; legacy only; 2026-07-28 servers decide on their own).
   */
  task?: TaskMetadata;
}

/** Result of `tools/call`. */
export interface CallToolResult extends Result {
  /** Unstructured result. */
  content: ContentBlock[];
  /**
   * Structured result matching `outputSchema` (2025-06-18+): a JSON object up to 2025-11-25,
   * any JSON value in 2026-07-28.
   */
  structuredContent?: unknown;
  /**
   * The tool failed; default false. Tool failures belong here (so the model sees them), not in
   * a JSON-RPC error.
   */
  isError?: boolean;
}
