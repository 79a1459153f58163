import type { SchemaObject } from '../schema/converters';

/** One failing field: where and why. */
export interface FieldError {
  path: string;
  message: string;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function matchesType(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  if (expected === 'number') return actual === 'number' || actual === 'integer';
  return actual === expected;
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

/**
 * Checks a value against the subset of JSON Schema 2020-12 TypeMCP generates (type, enum,
 * const, properties, required, additionalProperties, items, bounds, lengths, pattern, format,
 * anyOf/oneOf), collecting every failure with its path.
 */
export function checkSchema(schema: SchemaObject, value: unknown, path: string, errors: FieldError[]): void {
  const fail = (message: string) => errors.push({ path: path || '(root)', message });
  const type = schema.type;
  if (typeof type === 'string' && !matchesType(type, value)) {
    fail(`must be ${type === 'integer' ? 'an integer' : type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`} (got ${typeOf(value)})`);
    return;
  }
  if (Array.isArray(type) && !type.some((t) => matchesType(String(t), value))) {
    fail(`must be one of the types ${type.join(', ')} (got ${typeOf(value)})`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) {
    fail(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if ('const' in schema && schema.const !== value) fail(`must be ${JSON.stringify(schema.const)}`);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const matched = options.filter((o) => {
        const sub: FieldError[] = [];
        checkSchema(o as SchemaObject, value, path, sub);
        return sub.length === 0;
      }).length;
      if (key === 'anyOf' ? matched === 0 : matched !== 1) fail(`must match ${key === 'anyOf' ? 'at least one' : 'exactly one'} of the allowed shapes`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`must be >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`must be <= ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail(`must be > ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) fail(`must be < ${schema.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' || typeof schema.maxLength === 'number') {
      const length = codePointLength(value); // counted only when a bound asks for it
      if (typeof schema.minLength === 'number' && length < schema.minLength) fail(`must be at least ${schema.minLength} characters long`);
      if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail(`must be at most ${schema.maxLength} characters long`);
    }
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`must match the pattern ${schema.pattern}`);
    const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
    if (format && !format.test(value)) fail(`must be a valid ${schema.format}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`must have at least ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(`must have at most ${schema.maxItems} items`);
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) fail('must not contain duplicates');
    if (schema.items && typeof schema.items === 'object') {
      value.forEach((item, i) => checkSchema(schema.items as SchemaObject, item, `${path}[${i}]`, errors));
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, SchemaObject>;
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (object[name] === undefined) errors.push({ path: path ? `${path}.${name}` : name, message: 'is required' });
    }
    for (const [name, sub] of Object.entries(properties)) {
      if (object[name] !== undefined) checkSchema(sub, object[name], path ? `${path}.${name}` : name, errors);
    }
    if (schema.additionalProperties === false) {
      for (const name of Object.keys(object)) {
        if (!(name in properties)) errors.push({ path: path ? `${path}.${name}` : name, message: 'is not allowed' });
      }
    }
  }
}
