import type { Annotations, Icon, ToolAnnotations } from '@typemcp/protocol';

/** A class or constructor function. */
export type ClassType<T = object> = abstract new (...args: never[]) => T;

/** What a type thunk may return: a constructor, an enum object, or a one-element array of either. */
export type TypeValue = Function | object | [Function | object];

/** A type given lazily (`() => [String]`), so classes declared later resolve. */
export type TypeThunk = () => TypeValue;

/** Options `@Arg` records for one parameter. */
export interface ArgDefinition {
  target: Function;
  methodName: string;
  index: number;
  name?: string;
  description?: string;
  type?: TypeThunk;
  default?: unknown;
  optional?: boolean;
  /** A JSON Schema used as is for this parameter. */
  schema?: Record<string, unknown>;
  /** Completion of this argument (prompts, template variables). */
  complete?: CompleteFn;
  /** `x-mcp-header` name (2026-07-28). */
  header?: string;
}

/** Suggests values for an argument being typed. */
export type CompleteFn = (
  value: string,
  context: { arguments: Record<string, string> },
) => string[] | Promise<string[]>;

/** One `@Tool`. */
export interface ToolDefinition {
  kind: 'tool';
  target: Function;
  methodName: string;
  name: string;
  title?: string;
  description?: string;
  annotations?: ToolAnnotations;
  icons?: Icon[];
  output?: TypeThunk;
  meta?: Record<string, unknown>;
  task?: 'forbidden' | 'optional' | 'required';
  taskStart?: 'immediate' | 'explicit';
}

/** One `@Resource` (a fixed URI or a URI template). */
export interface ResourceDefinition {
  kind: 'resource';
  target: Function;
  methodName: string;
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  icons?: Icon[];
  annotations?: Annotations;
  size?: number;
  /** Lists the concrete resources of a template. */
  list?: (instance: object) => unknown;
  listMethod?: string;
}

/** One `@Prompt`. */
export interface PromptDefinition {
  kind: 'prompt';
  target: Function;
  methodName: string;
  name: string;
  title?: string;
  description?: string;
  icons?: Icon[];
}

/** One `@McpServer` class. */
export interface ServerDefinition {
  target: Function;
  options: McpServerOptionsRecord;
}

/** What `@McpServer` records (see McpServerOptions for the TSDoc). */
export interface McpServerOptionsRecord {
  name?: string;
  version?: string;
  title?: string;
  description?: string;
  instructions?: string;
  icons?: Icon[];
  websiteUrl?: string;
  lifespan?: unknown;
}
