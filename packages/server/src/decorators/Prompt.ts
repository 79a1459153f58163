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
    });
  };
}
