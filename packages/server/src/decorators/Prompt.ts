import type { Icon } from '@typemcp/protocol';
import { SymbolKeyError } from '../errors/SymbolKeyError';
import { getMetadataStorage } from '../metadata/MetadataStorage';

/** Options of {@link Prompt}. */
export interface PromptOptions {
  /** The prompt's name; default: the method's name. */
  name?: string;
  /** Human-readable name. */
  title?: string;
  /** What the prompt is for. */
  description?: string;
  /** Icons clients may show. */
  icons?: Icon[];
  /**
   * OAuth scopes a caller needs (all of them) to use this prompt; with the server's class scopes
   * added. A caller without them does not see it listed, and using it is refused: over HTTP with
   * 403 `insufficient_scope` naming the scopes (step-up), elsewhere with a -32600 error. Applies
   * to authenticated requests (`ctx.auth` set); see docs/auth.md.
   */
  scopes?: string[];
}

/**
 * Exposes a method as an MCP prompt. Its parameters are the prompt's arguments (strings on the
 * wire; numbers and booleans are converted).
 *
 * @example
 * @Prompt()
 * reviewCode(code: string): string { return `Please review:\n\n${code}`; }
 */
export function Prompt(options: PromptOptions = {}): MethodDecorator {
  return (prototype, key) => {
    if (typeof key === 'symbol') throw new SymbolKeyError(prototype.constructor, key);
    getMetadataStorage().addMember({
      kind: 'prompt',
      target: prototype.constructor,
      methodName: key,
      name: options.name ?? key,
      title: options.title,
      description: options.description,
      icons: options.icons,
      scopes: options.scopes,
    });
  };
}
