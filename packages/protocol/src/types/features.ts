/** Tools, resources, prompts and completion: the server features of both eras. */
import type {
  Annotations,
  BaseMetadata,
  CacheableResult,
  Cursor,
  Icons,
  Meta,
  PaginatedRequestParams,
  PaginatedResult,
  RequestParams,
  Result,
  Role,
} from './base';
import type { ContentBlock, ResourceContents } from './content';
import type { InputResponses } from './mrtr';

/** Untrusted hints about a tool's behaviour. */
export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  /** Default true. */
  destructiveHint?: boolean;
  /** Default false. */
  idempotentHint?: boolean;
  /** Default true. */
  openWorldHint?: boolean;
}

/** How a tool takes part in tasks (2025-11-25 experimental). */
export interface ToolExecution {
  taskSupport?: 'forbidden' | 'optional' | 'required';
}

/** A JSON Schema object (2020-12 unless `$schema` says otherwise). */
export type JsonSchema = { $schema?: string; [key: string]: unknown };

/** A tool the model can call. */
export interface Tool extends BaseMetadata, Icons {
  description?: string;
  inputSchema: JsonSchema & { type: 'object' };
  outputSchema?: JsonSchema;
  annotations?: ToolAnnotations;
  /** 2025-11-25 only. */
  execution?: ToolExecution;
  _meta?: Meta;
}

/** Params of `tools/list`. */
export type ListToolsParams = PaginatedRequestParams;
/** Result of `tools/list`. */
export interface ListToolsResult extends PaginatedResult, CacheableResult {
  tools: Tool[];
}

/** Params that carry MRTR answers (2026-07-28). */
export interface InputResponseRequestParams extends RequestParams {
  inputResponses?: InputResponses;
  requestState?: string;
}

/** Params of `tools/call`. */
export interface CallToolParams extends InputResponseRequestParams {
  name: string;
  arguments?: { [key: string]: unknown };
  /** Task augmentation (2025-11-25 experimental). */
  task?: { ttl?: number };
}

/** Result of `tools/call`. */
export interface CallToolResult extends Result {
  content: ContentBlock[];
  /** A JSON object (legacy) or any JSON value (2026-07-28). */
  structuredContent?: unknown;
  isError?: boolean;
}

/** A resource the server offers. */
export interface Resource extends BaseMetadata, Icons {
  uri: string;
  description?: string;
  mimeType?: string;
  annotations?: Annotations;
  size?: number;
  _meta?: Meta;
}

/** A parameterised resource (RFC 6570 `uriTemplate`). */
export interface ResourceTemplate extends BaseMetadata, Icons {
  uriTemplate: string;
  description?: string;
  mimeType?: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/** Params of `resources/list`. */
export type ListResourcesParams = PaginatedRequestParams;
/** Result of `resources/list`. */
export interface ListResourcesResult extends PaginatedResult, CacheableResult {
  resources: Resource[];
}
/** Params of `resources/templates/list`. */
export type ListResourceTemplatesParams = PaginatedRequestParams;
/** Result of `resources/templates/list`. */
export interface ListResourceTemplatesResult extends PaginatedResult, CacheableResult {
  resourceTemplates: ResourceTemplate[];
}
/** Params of `resources/read`. */
export interface ReadResourceParams extends InputResponseRequestParams {
  uri: string;
}
/** Result of `resources/read`. */
export interface ReadResourceResult extends CacheableResult {
  contents: ResourceContents[];
}
/** Params of `resources/subscribe` and `resources/unsubscribe` (legacy). */
export interface SubscribeParams extends RequestParams {
  uri: string;
}
/** Params of `notifications/resources/updated`. */
export interface ResourceUpdatedNotificationParams {
  uri: string;
  _meta?: Meta;
}

/** An argument a prompt accepts. */
export interface PromptArgument extends BaseMetadata {
  description?: string;
  required?: boolean;
}
/** A prompt template. */
export interface Prompt extends BaseMetadata, Icons {
  description?: string;
  arguments?: PromptArgument[];
  _meta?: Meta;
}
/** One message of a prompt. */
export interface PromptMessage {
  role: Role;
  content: ContentBlock;
}
/** Params of `prompts/list`. */
export type ListPromptsParams = PaginatedRequestParams;
/** Result of `prompts/list`. */
export interface ListPromptsResult extends PaginatedResult, CacheableResult {
  prompts: Prompt[];
}
/** Params of `prompts/get`. */
export interface GetPromptParams extends InputResponseRequestParams {
  name: string;
  arguments?: { [key: string]: string };
}
/** Result of `prompts/get`. */
export interface GetPromptResult extends Result {
  description?: string;
  messages: PromptMessage[];
}

/** A reference to a prompt, for completion. */
export interface PromptReference extends BaseMetadata {
  type: 'ref/prompt';
}
/** A reference to a resource template, for completion. */
export interface ResourceTemplateReference {
  type: 'ref/resource';
  uri: string;
}
/** Params of `completion/complete`. */
export interface CompleteParams extends RequestParams {
  ref: PromptReference | ResourceTemplateReference;
  argument: { name: string; value: string };
  context?: { arguments?: { [key: string]: string } };
}
/** Result of `completion/complete`. */
export interface CompleteResult extends Result {
  completion: { values: string[]; total?: number; hasMore?: boolean };
}

/** A cursor position handed back by a list. */
export type { Cursor };
