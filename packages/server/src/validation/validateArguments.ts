import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ValidationError } from 'class-validator';
import type { ParamSpec } from '../registry/buildParams';
import type { TypeRef } from '../metadata/TypeRef';
import { checkSchema } from './checkSchema';
import type { FieldError } from './checkSchema';

function flatten(errors: ValidationError[], prefix: string, out: FieldError[]): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) flatten(error.children, path, out);
  }
}

/** Converts string arguments (prompts) to the declared primitive type where that is unambiguous. */
function coerce(type: TypeRef, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (type.kind === 'number' || type.kind === 'integer') return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
  if (type.kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type.kind === 'enum' && typeof type.values[0] === 'number') return Number.isNaN(Number(value)) ? value : Number(value);
  return value;
}

/** Builds a DTO instance and validates it with class-validator; errors are prefixed with `path`. */
export async function validateDto(cls: Function, plain: unknown, path: string, errors: FieldError[]): Promise<unknown> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    errors.push({ path: path || '(arguments)', message: 'must be an object' });
    return undefined;
  }
  const instance = plainToInstance(cls as new () => object, plain);
  const failures = await validate(instance as object, { forbidUnknownValues: false });
  flatten(failures, path, errors);
  return instance;
}

async function convert(type: TypeRef, value: unknown, path: string, errors: FieldError[]): Promise<unknown> {
  switch (type.kind) {
    case 'dto':
      return validateDto(type.cls, value, path, errors);
    case 'array':
      if (!Array.isArray(value)) return value;
      return Promise.all(value.map((item, i) => convert(type.items, item, `${path}[${i}]`, errors)));
    case 'date': {
      const date = new Date(value as string);
      return Number.isNaN(date.getTime()) ? value : date;
    }
    default:
      return value;
  }
}

/**
 * Checks the arguments of a call against its parameters and returns the values to call the
 * method with (DTO instances, Dates), or every failing field.
 */
export async function validateArguments(
  params: ParamSpec[],
  args: Record<string, unknown>,
  options: { coerceStrings?: boolean } = {},
): Promise<{ values: Map<number, unknown>; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const values = new Map<number, unknown>();
  for (const param of params) {
    if (param.kind !== 'arg') continue;
    let value = args[param.name];
    if (value === undefined || value === null) {
      if (param.required) errors.push({ path: param.name, message: 'is required' });
      values.set(param.index, param.default);
      continue;
    }
    if (options.coerceStrings) value = coerce(param.type, value);
    const before = errors.length;
    if (param.type.kind !== 'dto') checkSchema(param.schema, value, param.name, errors);
    if (errors.length === before) values.set(param.index, await convert(param.type, value, param.name, errors));
  }
  return { values, errors };
}

/** Formats field errors as the text of an `isError` result or a -32602 message. */
export function formatFieldErrors(what: string, errors: FieldError[]): string {
  return `Invalid arguments for ${what}:\n${errors.map((e) => `- ${e.path}: ${e.message}`).join('\n')}`;
}
