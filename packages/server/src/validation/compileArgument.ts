import type { TypeRef } from '../metadata/TypeRef';
import type { SchemaObject } from '../schema/converters';
import { typeToSchema } from '../schema/buildDtoSchema';
import type { FieldError } from './checkSchema';
import { compileValidator } from './compileValidator';
import type { CompiledCheck } from './compileValidator';
import { validateDto } from './validateDto';

/**
 * Checks one argument and turns it into what the method receives (DTO instances, Dates), or
 * leaves failures in `errors`. Compiled once per parameter at start-up.
 */
export type ArgumentPreparer = (value: unknown, path: string, errors: FieldError[]) => unknown;

/** The conversion of an already-checked value: DTOs through class-transformer and class-validator. */
type Converter = (value: unknown, path: string, errors: FieldError[]) => unknown;

function compileConverter(type: TypeRef): Converter | undefined {
  switch (type.kind) {
    case 'dto':
      return (value, path, errors) => validateDto(type.cls, value, path, errors);
    case 'date':
      return (value) => {
        const date = new Date(value as string);
        return Number.isNaN(date.getTime()) ? value : date;
      };
    case 'array': {
      const item = compileConverter(type.items);
      if (!item) return undefined;
      return (value, path, errors) =>
        Array.isArray(value)
          ? Promise.all(value.map((v, i) => item(v, `${path}[${i}]`, errors)))
          : value;
    }
    case 'union': {
      // The first branch whose schema accepts the value decides how it is converted.
      const branches = type.members.map((m) => ({
        check: compileValidator(typeToSchema(m)),
        convert: compileConverter(m),
      }));
      if (branches.every((b) => !b.convert)) return undefined;
      return (value, path, errors) => {
        const branch = branches.find((b) => {
          const probe: FieldError[] = [];
          b.check(value, path, probe);
          return probe.length === 0;
        });
        return branch?.convert ? branch.convert(value, path, errors) : value;
      };
    }
    default:
      return undefined;
  }
}

/**
 * Compiles the check and the conversion of one argument of type `type` with JSON Schema
 * `schema`. A DTO is checked by class-validator alone (its schema says the same, with less
 * precise messages); everything else by the compiled schema first.
 *
 * @example
 * const prepare = compileArgument({ kind: 'date' }, { type: 'string', format: 'date-time' });
 * await prepare('2025-01-01T00:00:00Z', 'when', errors); // a Date
 */
export function compileArgument(type: TypeRef, schema: SchemaObject): ArgumentPreparer {
  const check: CompiledCheck | undefined =
    type.kind === 'dto' ? undefined : compileValidator(schema);
  const convert = compileConverter(type);
  // synchronous unless the conversion is (a DTO): a plain argument costs no await
  return (value, path, errors) => {
    const before = errors.length;
    check?.(value, path, errors);
    if (errors.length !== before || !convert) return value;
    return convert(value, path, errors);
  };
}
