import type {
  CallToolResult,
  GetPromptResult,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from '@typemcp/protocol';
import type { RequestContext } from '../dispatch/RequestContext';
import type { CompleteFn } from '../metadata/definitions';
import type { UriTemplate } from '../templates/UriTemplate';

/** A tool ready to serve: its definition for `tools/list` and its invoker. */
export interface ToolEntry {
  tool: Tool;
  enabled: boolean;
  /** OAuth scopes a caller needs to see and use it. */
  scopes?: string[];
  /** For task tools: start the task at once (default), or when the handler calls `ctx.runAsTask()`. */
  taskStart?: 'immediate' | 'explicit';
  call(args: Record<string, unknown>, request: RequestContext): Promise<CallToolResult>;
}

/** A fixed-URI resource. */
export interface ResourceEntry {
  resource: Resource;
  enabled: boolean;
  /** OAuth scopes a caller needs to see and use it. */
  scopes?: string[];
  read(
    uri: string,
    variables: Record<string, string>,
    request: RequestContext,
  ): Promise<ReadResourceResult>;
}

/** A resource template. */
export interface TemplateEntry {
  template: UriTemplate;
  descriptor: ResourceTemplate;
  enabled: boolean;
  /** OAuth scopes a caller needs to see and use it. */
  scopes?: string[];
  read(
    uri: string,
    variables: Record<string, string>,
    request: RequestContext,
  ): Promise<ReadResourceResult>;
  /** Concrete resources of the template, for `resources/list`. */
  list?(): Promise<Resource[]>;
  completions: Map<string, CompleteFn>;
}

/** A prompt ready to serve. */
export interface PromptEntry {
  prompt: Prompt;
  enabled: boolean;
  /** OAuth scopes a caller needs to see and use it. */
  scopes?: string[];
  get(args: Record<string, string>, request: RequestContext): Promise<GetPromptResult>;
  completions: Map<string, CompleteFn>;
}
