import type { Icon, ToolAnnotations } from '@typemcp/protocol';
import type { TypeThunk } from '../metadata/thunks';

/** Options of the `@Tool` decorator. */
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
