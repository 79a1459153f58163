import type { SchemaObject } from '../schema/converters';
import { compileValidator } from './compileValidator';
import type { CompiledCheck } from './compileValidator';
import type { FieldError } from './FieldError';

export type { FieldError } from './FieldError';

const compiled = new WeakMap<SchemaObject, CompiledCheck>();

/**
 * Checks a value against a schema, compiling the schema on first use (and only then) with
 * {@link compileValidator}; prefer compiling once yourself where the schema is known at start-up.
 */
export function checkSchema(
  schema: SchemaObject,
  value: unknown,
  path: string,
  errors: FieldError[],
): void {
  let check = compiled.get(schema);
  if (!check) {
    check = compileValidator(schema);
    compiled.set(schema, check);
  }
  check(value, path, errors);
}
