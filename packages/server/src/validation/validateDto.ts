import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ValidationError } from 'class-validator';
import type { FieldError } from './checkSchema';
import { findConstructorKey } from './findConstructorKey';

function flatten(errors: ValidationError[], prefix: string, out: FieldError[]): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) flatten(error.children, path, out);
  }
}

/**
 * Builds a DTO instance with class-transformer and validates it with class-validator; every
 * failure is added to `errors`, its path prefixed with `path`.
 *
 * @example
 * const errors: FieldError[] = [];
 * const signup = await validateDto(Signup, { email: 'nope' }, '', errors);
 */
export async function validateDto(
  cls: Function,
  plain: unknown,
  path: string,
  errors: FieldError[],
): Promise<unknown> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    errors.push({ path: path || '(arguments)', message: 'must be an object' });
    return undefined;
  }
  const holder = findConstructorKey(plain);
  if (holder !== undefined) {
    const at = [path, holder].filter(Boolean).join('.') || '(arguments)';
    errors.push({ path: at, message: 'must not have a "constructor" key' });
    return undefined;
  }
  let instance: object;
  try {
    instance = plainToInstance(cls as new () => object, plain);
  } catch (error) {
    // class-transformer recurses once per level: a pathologically deep value overflows the stack
    if (!(error instanceof RangeError)) throw error;
    errors.push({ path: path || '(arguments)', message: 'is nested too deeply' });
    return undefined;
  }
  const failures = await validate(instance as object, { forbidUnknownValues: false });
  flatten(failures, path, errors);
  return instance;
}
