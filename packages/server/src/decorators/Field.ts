import type { TypeThunk } from '../metadata/definitions';
import { getMetadataStorage } from '../metadata/MetadataStorage';

/** Options of {@link Field}. */
export interface FieldOptions {
  /** What the property means, for the model (the schema's `description`). */
  description?: string;
  /** The type where reflection cannot tell: `() => [String]`, `() => MyEnum`, `() => NestedDto`. */
  type?: TypeThunk;
  /** Human-readable title. */
  title?: string;
  /** Default value (shown in the schema). */
  default?: unknown;
}

/**
 * Adds what class-validator cannot say about a DTO property: a description, a title, a
 * default, or the element type of an array.
 *
 * @example
 * class Query {
 *   @Field({ description: 'SQL to run' }) @IsString() sql!: string;
 * }
 */
export function Field(options: FieldOptions): PropertyDecorator {
  return (prototype, key) => {
    if (typeof key === 'symbol') return;
    getMetadataStorage().addField(prototype.constructor, key, options);
  };
}

/** The `@Field` options of a DTO property (own or inherited). */
export function getFieldOptions(target: Function, property: string): FieldOptions | undefined {
  return getMetadataStorage().fieldOf(target, property) as FieldOptions | undefined;
}
