import type { TypeThunk } from '../metadata/definitions';

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

const FIELD_KEY = Symbol.for('typemcp.field');

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
    const target = prototype.constructor;
    const own: Record<string, FieldOptions> = Object.prototype.hasOwnProperty.call(target, FIELD_KEY)
      ? (target as unknown as Record<symbol, Record<string, FieldOptions>>)[FIELD_KEY]
      : {};
    own[key] = options;
    Object.defineProperty(target, FIELD_KEY, { value: own, configurable: true });
  };
}

/** The `@Field` options of a DTO property (own or inherited). */
export function getFieldOptions(target: Function, property: string): FieldOptions | undefined {
  for (let t: Function | null = target; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) {
    const own = Object.prototype.hasOwnProperty.call(t, FIELD_KEY)
      ? (t as unknown as Record<symbol, Record<string, FieldOptions>>)[FIELD_KEY]
      : undefined;
    if (own?.[property]) return own[property];
  }
  return undefined;
}
