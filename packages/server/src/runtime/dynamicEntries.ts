import { ErrorCode, McpError } from '@typemcp/protocol';
import type { Prompt, PromptArgument, Resource, ResourceTemplate, Tool } from '@typemcp/protocol';
import type { RequestContext } from '../dispatch/RequestContext';
import type { PromptEntry, ResourceEntry, TemplateEntry, ToolEntry } from '../registry/entries';
import { mapPromptResult } from '../results/mapPromptResult';
import { mapResourceResult } from '../results/mapResourceResult';
import { mapToolResult } from '../results/mapToolResult';
import { UriTemplate } from '../templates/UriTemplate';
import { compileValidator } from '../validation/compileValidator';
import type { FieldError } from '../validation/checkSchema';
import { formatFieldErrors } from '../validation/validateArguments';

/** A function-based tool added while serving (see `McpApp.addTool`). */
export interface DynamicToolOptions {
  name: string;
  title?: string;
  description?: string;
  /** Its arguments' JSON Schema; arguments are checked against it before `handler` runs. */
  inputSchema?: Tool['inputSchema'];
  annotations?: Tool['annotations'];
  /** Returns anything a `@Tool` method may return (mapped the same way); a throw is an `isError` result. */
  handler: (args: Record<string, unknown>, request: RequestContext) => unknown;
}

/** A function-based resource or template added while serving (see `McpApp.addResource`). */
export interface DynamicResourceOptions {
  /** A fixed URI, or an RFC 6570 template whose variables `read` receives. */
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /** Returns text, bytes, an object (JSON) or contents. */
  read: (uri: string, variables: Record<string, string>, request: RequestContext) => unknown;
}

/** A function-based prompt added while serving (see `McpApp.addPrompt`). */
export interface DynamicPromptOptions {
  name: string;
  title?: string;
  description?: string;
  arguments?: PromptArgument[];
  /** Returns a string (one user message), messages, or a full result. */
  get: (args: Record<string, string>, request: RequestContext) => unknown;
}

/**
 * The served form of a function-based tool.
 *
 * @example
 * app.addTool({ name: 'now', handler: () => new Date().toISOString() });
 */
export function dynamicTool(options: DynamicToolOptions): ToolEntry {
  const tool: Tool = { name: options.name, inputSchema: options.inputSchema ?? { type: 'object' } };
  if (options.title !== undefined) tool.title = options.title;
  if (options.description !== undefined) tool.description = options.description;
  if (options.annotations !== undefined) tool.annotations = options.annotations;
  const check = compileValidator(tool.inputSchema);
  return {
    tool,
    enabled: true,
    async call(args, request) {
      const errors: FieldError[] = [];
      check(args, '', errors);
      if (errors.length)
        return {
          content: [{ type: 'text', text: formatFieldErrors(`tool "${tool.name}"`, errors) }],
          isError: true,
        };
      try {
        return mapToolResult(await options.handler(args, request), { wrap: false });
      } catch (error) {
        if (error instanceof McpError) throw error;
        return {
          content: [{ type: 'text', text: error instanceof Error ? error.message : String(error) }],
          isError: true,
        };
      }
    },
  };
}

/**
 * The served form of a function-based resource (or template).
 *
 * @example
 * app.addResource({ uri: 'notes://{id}', name: 'note', read: (_uri, { id }) => notes.get(id) });
 */
export function dynamicResource(options: DynamicResourceOptions): ResourceEntry | TemplateEntry {
  const template = new UriTemplate(options.uri);
  const read = async (uri: string, variables: Record<string, string>, request: RequestContext) =>
    mapResourceResult(await options.read(uri, variables, request), uri, options.mimeType);
  const describe = <T extends Resource | ResourceTemplate>(base: T): T => {
    if (options.title !== undefined) base.title = options.title;
    if (options.description !== undefined) base.description = options.description;
    if (options.mimeType !== undefined) base.mimeType = options.mimeType;
    return base;
  };
  if (template.isFixed)
    return {
      resource: describe<Resource>({ uri: options.uri, name: options.name }),
      enabled: true,
      read,
    };
  return {
    template,
    descriptor: describe<ResourceTemplate>({ uriTemplate: options.uri, name: options.name }),
    enabled: true,
    read,
    completions: new Map(),
  };
}

/**
 * The served form of a function-based prompt; missing required arguments are -32602.
 *
 * @example
 * app.addPrompt({ name: 'haiku', arguments: [{ name: 'topic', required: true }], get: ({ topic }) => `A haiku on ${topic}` });
 */
export function dynamicPrompt(options: DynamicPromptOptions): PromptEntry {
  const prompt: Prompt = { name: options.name };
  if (options.title !== undefined) prompt.title = options.title;
  if (options.description !== undefined) prompt.description = options.description;
  if (options.arguments !== undefined) prompt.arguments = options.arguments;
  return {
    prompt,
    enabled: true,
    completions: new Map(),
    async get(args, request) {
      const missing = (options.arguments ?? []).filter(
        (a) => a.required && typeof args[a.name] !== 'string',
      );
      if (missing.length) {
        const errors = missing.map((a) => ({ path: a.name, message: 'is required' }));
        throw new McpError(
          ErrorCode.InvalidParams,
          formatFieldErrors(`prompt "${options.name}"`, errors),
        );
      }
      return mapPromptResult(await options.get(args, request), options.description);
    },
  };
}
