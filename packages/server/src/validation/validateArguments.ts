import type { TypeRef } from '../metadata/TypeRef';
import type { ParamSpec } from '../registry/buildParams';
import type { FieldError } from './checkSchema';

export { validateDto } from './validateDto';

/** Converts string arguments (prompts, URI variables) to the declared primitive type where that is unambiguous. */
function coerce(type: TypeRef, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (type.kind === 'number' || type.kind === 'integer')
    return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
  if (type.kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type.kind === 'enum' && !type.values.includes(value)) {
    const match = type.values.find((v) => v !== null && String(v) === value);
    return match ?? value;
  }
  return value;
}

/**
 * Checks the arguments of a call against its parameters (each with its compiled preparer) and
 * returns the values to call the method with (DTO instances, Dates), or every failing field.
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
    const prepared = param.prepare(value, param.name, errors);
    values.set(param.index, prepared instanceof Promise ? await prepared : prepared);
  }
  return { values, errors };
}

/** Formats field errors as the text of an `isError` result or a -32602 message. */
export function formatFieldErrors(what: string, errors: FieldError[]): string {
  return `Invalid arguments for ${what}:\n${errors.map((e) => `- ${e.path}: ${e.message}`).join('\n')}`;
}
