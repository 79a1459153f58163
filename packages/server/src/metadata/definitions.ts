import type { Icon } from '@typemcp/protocol';
import type { ArgOptions } from '../decorators/Arg';
import type { McpServerOptions } from '../decorators/McpServer';
import type { ResourceOptions } from '../decorators/Resource';
import type { ToolOptions } from '../decorators/Tool';

/** A class or constructor function. */
export type ClassType<T = object> = abstract new (...args: never[]) => T;

/** What a type thunk may return: a constructor, an enum object, or a one-element array of either. */
export type TypeValue = Function | object | [Function | object];

/** A type given lazily (`() => [String]`), so classes declared later resolve. */
export type TypeThunk = () => TypeValue;

/** Options `@Arg` records for one parameter. */
export interface ArgDefinition extends ArgOptions {
  target: Function;
  methodName: string;
  index: number;
}

/** Suggests values for an argument being typed. */
export type CompleteFn = (
  value: string,
  context: { arguments: Record<string, string> },
) => string[] | Promise<string[]>;

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
