import type { BaseMetadata, Icons, Meta } from './base';

/**
 * Hints about a tool's behaviour (2025-03-26+). Only hints: never trust them from an untrusted
 * server.
 */
export interface ToolAnnotations {
  /** Display title. */
  title?: string;
  /** The tool does not change its environment. Default false. */
  readOnlyHint?: boolean;
  /** Changes may be destructive, not only additive (when not read-only). Default true. */
  destructiveHint?: boolean;
  /** Repeating a call with the same arguments changes nothing more (when not read-only). Default false. */
  idempotentHint?: boolean;
  /** The tool reaches an open world of outside entities (e.g. web search). Default true. */
  openWorldHint?: boolean;
}

/** How a tool runs (2025-11-25 experimental tasks; legacy only). */
export interface ToolExecution {
  /** Whether calls may (`optional`) or must (`required`) be task-augmented. Default `forbidden`. */
  taskSupport?: 'forbidden' | 'optional' | 'required';
}

/** A JSON Schema object; JSON Schema 2020-12 unless `$schema` names another dialect. */
export type JsonSchema = { $schema?: string; [key: string]: unknown };

/**
 * A tool's input schema: an object schema. 2025-11-25 lists only `properties` and `required`;
 * 2026-07-28 allows any 2020-12 keyword beside `type` (composition, `$ref`/`$defs`, and
 * `x-mcp-header` on properties for the HTTP transport).
 */
export type ToolInputSchema = JsonSchema & { type: 'object' };

/** A tool the client can call. */
export interface Tool extends BaseMetadata, Icons {
  /** What the tool does; a hint for the model. */
  description?: string;
  /** Schema of the arguments. */
  inputSchema: ToolInputSchema;
  /**
   * Schema of `structuredContent` (2025-06-18+). An object schema up to 2025-11-25; any 2020-12
   * schema in 2026-07-28.
   */
  outputSchema?: JsonSchema;
  /** Behaviour hints; display title order is `title`, `annotations.title`, `name`. */
  annotations?: ToolAnnotations;
  /** Task support (2025-11-25 experimental; legacy only). */
  execution?: ToolExecution;
  _meta?: Meta;
}
