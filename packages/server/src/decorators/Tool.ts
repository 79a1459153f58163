import type { Icon, ToolAnnotations } from '@typemcp/protocol';
import { SymbolKeyError } from '../errors/SymbolKeyError';
import type { TypeThunk } from '../metadata/definitions';
import { getMetadataStorage } from '../metadata/MetadataStorage';

/** Options of {@link Tool}. */
export interface ToolOptions {
  /** The tool's name; default: the method's name. */
  name?: string;
  /** Human-readable name. */
  title?: string;
  /** What the tool does, for the model. */
  description?: string;
  /** Behaviour hints (readOnlyHint, destructiveHint, idempotentHint, openWorldHint). */
  annotations?: ToolAnnotations;
  /** Icons clients may show. */
  icons?: Icon[];
  /**
   * The output type when reflection cannot read it (a `Promise<T>` return): a DTO class, or a
   * primitive constructor, which is wrapped as `{ result: value }`.
   */
  output?: TypeThunk;
  /**
   * Structured output (default true, as FastMCP): the return type is advertised as
   * `outputSchema` and the value also sent as `structuredContent` (a primitive wrapped as
   * `{ result }`). `false` sends the value once, as content only: lighter for large text.
   */
  structuredOutput?: boolean;
  /** `_meta` of the tool definition. */
  meta?: Record<string, unknown>;
  /**
   * OAuth scopes a caller needs (all of them) to use this tool; with the server's class scopes
   * added. A caller without them does not see it listed, and using it is refused: over HTTP with
   * 403 `insufficient_scope` naming the scopes (step-up), elsewhere with a -32600 error. Applies
   * to authenticated requests (`ctx.auth` set); see docs/auth.md.
   */
  scopes?: string[];
  /** Runs as a task (io.modelcontextprotocol/tasks) for clients that support tasks; default 'forbidden'. */
  task?: 'forbidden' | 'optional' | 'required';
  /** 'immediate' (default): the task starts with the call; 'explicit': the handler runs synchronously (asking through MRTR) until it calls `ctx.runAsTask()`. */
  taskStart?: 'immediate' | 'explicit';
}

/**
 * Exposes a method as an MCP tool. Parameter names and types come from the method itself.
 *
 * @example
 * @Tool({ description: 'Add two numbers' })
 * add(a: number, b: number): number { return a + b; }
 */
export function Tool(options: ToolOptions = {}): MethodDecorator {
  return (prototype, key) => {
    if (typeof key === 'symbol') throw new SymbolKeyError(prototype.constructor, key);
    getMetadataStorage().addMember({
      kind: 'tool',
      target: prototype.constructor,
      methodName: key,
      name: options.name ?? key,
      title: options.title,
      description: options.description,
      annotations: options.annotations,
      icons: options.icons,
      output: options.output,
      structuredOutput: options.structuredOutput,
      meta: options.meta,
      task: options.task,
      taskStart: options.taskStart,
      scopes: options.scopes,
    });
  };
}
