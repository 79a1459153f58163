import type { SchemaObject } from '../schema/converters';
import type { FieldError } from './FieldError';

/** A schema turned into code: appends every failure of `value` (at `path`) to `errors`. */
export type CompiledCheck = (value: unknown, path: string, errors: FieldError[]) => void;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function matchesType(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function article(type: string): string {
  return type === 'integer' || type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`;
}

const FORMATS: Record<string, RegExp> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-zA-Z][a-zA-Z\d+.-]*:[^\s]*$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

/** Length in code points (JSON Schema counts characters, not UTF-16 units), without copying. */
function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

const child = (path: string, name: string) => (path ? `${path}.${name}` : name);

/**
 * Compiles the subset of JSON Schema 2020-12 that TypeMCP generates (type, enum, const,
 * properties, required, additionalProperties, items, bounds, multipleOf, lengths, pattern, format,
 * anyOf/oneOf) into one closure per keyword, once, at start-up; a call then runs only the checks
 * the schema has, collecting every failure with its path.
 *
 * @example
 * const check = compileValidator({ type: 'integer', minimum: 1 });
 * const errors: FieldError[] = [];
 * check(0, 'count', errors); // [{ path: 'count', message: 'must be >= 1' }]
 */
export function compileValidator(schema: SchemaObject): CompiledCheck {
  const checks: CompiledCheck[] = [];
  const fail = (errors: FieldError[], path: string, message: string) =>
    errors.push({ path: path || '(root)', message });

  const type = schema.type;
  let typeGate: ((actual: string) => boolean) | undefined;
  let typeMessage = '';
  if (typeof type === 'string') {
    typeGate = (actual) => matchesType(type, actual);
    typeMessage = `must be ${article(type)}`;
  } else if (Array.isArray(type)) {
    const types = type.map(String);
    typeGate = (actual) => types.some((t) => matchesType(t, actual));
    typeMessage = `must be one of the types ${types.join(', ')}`;
  }

  if (Array.isArray(schema.enum)) {
    const allowed = schema.enum as unknown[];
    const message = `must be one of ${allowed.map((e) => JSON.stringify(e)).join(', ')}`;
    checks.push((v, p, e) => {
      if (!allowed.includes(v)) fail(e, p, message);
    });
  }
  if ('const' in schema) {
    const expected = schema.const;
    checks.push((v, p, e) => {
      if (v !== expected) fail(e, p, `must be ${JSON.stringify(expected)}`);
    });
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (!Array.isArray(options)) continue;
    const branches = options.map((o) => compileValidator(o as SchemaObject));
    const message = `must match ${key === 'anyOf' ? 'at least one' : 'exactly one'} of the allowed shapes`;
    checks.push((v, p, e) => {
      let matched = 0;
      for (const branch of branches) {
        const sub: FieldError[] = [];
        branch(v, p, sub);
        if (sub.length === 0) matched++;
      }
      if (key === 'anyOf' ? matched === 0 : matched !== 1) fail(e, p, message);
    });
  }

  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if ([minimum, maximum, exclusiveMinimum, exclusiveMaximum].some((b) => typeof b === 'number')) {
    checks.push((v, p, e) => {
      if (typeof v !== 'number') return;
      if (typeof minimum === 'number' && v < minimum) fail(e, p, `must be >= ${minimum}`);
      if (typeof maximum === 'number' && v > maximum) fail(e, p, `must be <= ${maximum}`);
      if (typeof exclusiveMinimum === 'number' && v <= exclusiveMinimum)
        fail(e, p, `must be > ${exclusiveMinimum}`);
      if (typeof exclusiveMaximum === 'number' && v >= exclusiveMaximum)
        fail(e, p, `must be < ${exclusiveMaximum}`);
    });
  }

  const { multipleOf } = schema;
  if (typeof multipleOf === 'number' && multipleOf > 0) {
    checks.push((v, p, e) => {
      if (typeof v === 'number' && !Number.isInteger(v / multipleOf))
        fail(e, p, `must be a multiple of ${multipleOf}`);
    });
  }

  const { minLength, maxLength } = schema;
  if (typeof minLength === 'number' || typeof maxLength === 'number') {
    checks.push((v, p, e) => {
      if (typeof v !== 'string') return;
      const length = codePointLength(v);
      if (typeof minLength === 'number' && length < minLength)
        fail(e, p, `must be at least ${minLength} characters long`);
      if (typeof maxLength === 'number' && length > maxLength)
        fail(e, p, `must be at most ${maxLength} characters long`);
    });
  }
  if (typeof schema.pattern === 'string') {
    const source = schema.pattern;
    const pattern = new RegExp(source, 'u');
    checks.push((v, p, e) => {
      if (typeof v === 'string' && !pattern.test(v)) fail(e, p, `must match the pattern ${source}`);
    });
  }
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format) {
    checks.push((v, p, e) => {
      if (typeof v === 'string' && !format.test(v))
        fail(e, p, `must be a valid ${String(schema.format)}`);
    });
  }

  const { minItems, maxItems } = schema;
  const items =
    schema.items && typeof schema.items === 'object'
      ? compileValidator(schema.items as SchemaObject)
      : undefined;
  if (
    typeof minItems === 'number' ||
    typeof maxItems === 'number' ||
    schema.uniqueItems === true ||
    items
  ) {
    const unique = schema.uniqueItems === true;
    checks.push((v, p, e) => {
      if (!Array.isArray(v)) return;
      if (typeof minItems === 'number' && v.length < minItems)
        fail(e, p, `must have at least ${minItems} items`);
      if (typeof maxItems === 'number' && v.length > maxItems)
        fail(e, p, `must have at most ${maxItems} items`);
      if (unique && new Set(v.map((x) => JSON.stringify(x))).size !== v.length)
        fail(e, p, 'must not contain duplicates');
      if (items) v.forEach((item, i) => items(item, `${p}[${i}]`, e));
    });
  }

  const properties = Object.entries((schema.properties ?? {}) as Record<string, SchemaObject>).map(
    ([name, sub]) => [name, compileValidator(sub)] as const,
  );
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const closed = schema.additionalProperties === false;
  if (properties.length > 0 || required.length > 0 || closed) {
    const known = new Set(properties.map(([name]) => name));
    checks.push((v, p, e) => {
      if (typeOf(v) !== 'object') return;
      const object = v as Record<string, unknown>;
      for (const name of required)
        if (object[name] === undefined) e.push({ path: child(p, name), message: 'is required' });
      for (const [name, check] of properties)
        if (object[name] !== undefined) check(object[name], child(p, name), e);
      if (closed)
        for (const name of Object.keys(object))
          if (!known.has(name)) e.push({ path: child(p, name), message: 'is not allowed' });
    });
  }

  return (value, path, errors) => {
    if (typeGate) {
      const actual = typeOf(value);
      if (!typeGate(actual)) {
        fail(errors, path, `${typeMessage} (got ${actual})`);
        return; // the other keywords would only repeat the type mismatch
      }
    }
    for (const check of checks) check(value, path, errors);
  };
}
