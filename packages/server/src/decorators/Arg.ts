import { SymbolKeyError } from '../errors/SymbolKeyError';
import { getMetadataStorage } from '../metadata/MetadataStorage';
import type { ArgOptions } from './ArgOptions';

export type { ArgOptions } from './ArgOptions';

/**
 * Describes one parameter where reflection is not enough: optional (`?`), the values of a literal
 * union or enum, an element type, a description, a default, a rename or completions.
 *
 * @example
 * @Tool()
 * list(
 *   @Arg({ enum: ['asc', 'desc'] }) order: 'asc' | 'desc',
 *   @Arg({ optional: true }) title?: string,
 *   @Arg({ type: () => [String], description: 'Tags to filter by' }) tags: string[] = [],
 * ) { ... }
 */
export function Arg(options: ArgOptions = {}): ParameterDecorator {
  return (prototype, key, index) => {
    if (typeof key === 'symbol') throw new SymbolKeyError((prototype as object).constructor, key);
    if (key === undefined) return;
    getMetadataStorage().addArg({
      target: (prototype as object).constructor,
      methodName: key,
      index,
      ...options,
    });
  };
}
