import type { Icon } from '@typemcp/protocol';
import type { ArgOptions } from '../decorators/ArgOptions';
import type { McpServerOptions } from '../decorators/McpServerOptions';
import type { ResourceOptions } from '../decorators/ResourceOptions';
import type { ToolOptions } from '../decorators/ToolOptions';

export type { CompleteFn, TypeThunk, TypeValue } from './thunks';

/** A class or constructor function. */
export type ClassType<T = object> = abstract new (...args: never[]) => T;

/** Options `@Arg` records for one parameter. */
export interface ArgDefinition extends ArgOptions {
  target: Function;
  methodName: string;
  index: number;
}

/** One `@Tool`. */
export interface ToolDefinition extends Omit<ToolOptions, 'name'> {
  kind: 'tool';
  target: Function;
  methodName: string;
  name: string;
}

/** One `@Resource` (a fixed URI or a URI template). */
export interface ResourceDefinition extends Omit<ResourceOptions, 'name' | 'list'> {
  kind: 'resource';
  target: Function;
  methodName: string;
  uri: string;
  name: string;
  /** Name of the method listing a template's concrete resources. */
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
  scopes?: string[];
}

/** One `@McpServer` class. */
export interface ServerDefinition {
  target: Function;
  options: McpServerOptionsRecord;
}

/** What `@McpServer` records (see McpServerOptions for the TSDoc). */
export type McpServerOptionsRecord = McpServerOptions;
