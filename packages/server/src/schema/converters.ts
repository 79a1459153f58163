/** A JSON Schema fragment. */
export type SchemaObject = Record<string, unknown>;

/** One class-validator constraint as class-validator records it. */
export interface ConstraintMeta {
  name?: string;
  constraints?: unknown[];
  each?: boolean;
}

/** Turns one class-validator constraint into the JSON Schema keywords it implies. */
export type Converter = (meta: ConstraintMeta) => SchemaObject;

const arg = (meta: ConstraintMeta, i = 0): unknown => meta.constraints?.[i];

/**
 * The one table from class-validator constraints to JSON Schema 2020-12. Extend it with
 * {@link registerConverter} for custom constraints.
 */
export const converters: Record<string, Converter> = {
  isString: () => ({ type: 'string' }),
  isNumber: () => ({ type: 'number' }),
  isInt: () => ({ type: 'integer' }),
  isBoolean: () => ({ type: 'boolean' }),
  isArray: () => ({ type: 'array' }),
  isObject: () => ({ type: 'object' }),
  min: (m) => ({ minimum: arg(m) }),
  max: (m) => ({ maximum: arg(m) }),
  isPositive: () => ({ exclusiveMinimum: 0 }),
  isNegative: () => ({ exclusiveMaximum: 0 }),
  minLength: (m) => ({ type: 'string', minLength: arg(m) }),
  maxLength: (m) => ({ type: 'string', maxLength: arg(m) }),
  isLength: (m) => ({
    type: 'string',
    minLength: arg(m),
    ...(arg(m, 1) !== undefined ? { maxLength: arg(m, 1) } : {}),
  }),
  isNotEmpty: () => ({ minLength: 1 }),
  matches: (m) => {
    const pattern = arg(m);
    return {
      type: 'string',
      pattern: pattern instanceof RegExp ? pattern.source : String(pattern),
    };
  },
  isEmail: () => ({ type: 'string', format: 'email' }),
  isUrl: () => ({ type: 'string', format: 'uri' }),
  isUuid: () => ({ type: 'string', format: 'uuid' }),
  isDateString: () => ({ type: 'string', format: 'date-time' }),
  isIso8601: () => ({ type: 'string', format: 'date-time' }),
  isRFC3339: () => ({ type: 'string', format: 'date-time' }),
  isDivisibleBy: (m) => ({ multipleOf: arg(m) }),
  equals: (m) => ({ const: arg(m) }),
  notIn: (m) => ({ not: { enum: arg(m) } }),
  arrayNotEmpty: () => ({ type: 'array', minItems: 1 }),
  isNotEmptyObject: () => ({ type: 'object', minProperties: 1 }),
  isLatitude: () => ({ type: 'number', minimum: -90, maximum: 90 }),
  isLongitude: () => ({ type: 'number', minimum: -180, maximum: 180 }),
  isPort: () => ({ type: 'string', pattern: '^\\d{1,5}$' }),
  isIp: (m) => ({
    type: 'string',
    ...(String(arg(m)) === '4'
      ? { format: 'ipv4' }
      : String(arg(m)) === '6'
        ? { format: 'ipv6' }
        : {}),
  }),
  isFqdn: () => ({ type: 'string', format: 'hostname' }),
  isJson: () => ({ type: 'string' }),
  isDate: () => ({ type: 'string', format: 'date-time' }),
  isEnum: (m) => {
    const values = (arg(m, 1) as unknown[] | undefined) ?? Object.values((arg(m) as object) ?? {});
    return enumSchema(values);
  },
  isIn: (m) => enumSchema((arg(m) as unknown[]) ?? []),
  arrayMinSize: (m) => ({ type: 'array', minItems: arg(m) }),
  arrayMaxSize: (m) => ({ type: 'array', maxItems: arg(m) }),
  arrayUnique: () => ({ type: 'array', uniqueItems: true }),
};

function enumSchema(values: unknown[]): SchemaObject {
  const types = new Set(values.map((v) => typeof v));
  const schema: SchemaObject = { enum: values };
  if (types.size === 1)
    schema.type = types.has('number') ? 'number' : types.has('boolean') ? 'boolean' : 'string';
  return schema;
}

/** Adds or replaces the converter of a (custom) class-validator constraint name. */
export function registerConverter(name: string, converter: Converter): void {
  converters[name] = converter;
}
