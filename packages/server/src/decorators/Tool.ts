import { SymbolKeyError } from '../errors/SymbolKeyError';
import { getMetadataStorage } from '../metadata/MetadataStorage';
import type { ToolOptions } from './ToolOptions';

export type { ToolOptions } from './ToolOptions';

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
