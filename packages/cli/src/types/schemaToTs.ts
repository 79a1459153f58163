/** A JSON Schema as the generator reads it. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema | Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  description?: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A value as a TypeScript literal, strings in single quotes. */
export function literal(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A property key as TypeScript writes it (quoted unless an identifier). */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : literal(name);
}

/** A JSDoc comment (empty when there is no text). */
export function jsDoc(text: string | undefined, indent: string): string {
  if (!text) return '';
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  return lines.length === 1
    ? `${indent}/** ${lines[0]} */\n`
    : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/**
 * The TypeScript type a JSON Schema describes (the subset MCP servers use: primitives, enum and
 * const, anyOf/oneOf/allOf, arrays, objects with required and additional properties).
 *
 * @example
 * schemaToTs({ type: 'object', properties: { a: { type: 'number' } }, required: ['a'] }); // '{ a: number }'
 */
export function schemaToTs(schema: Schema | boolean | undefined, indent = '', depth = 0): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (depth > 12) return 'unknown';
  if (schema.const !== undefined) return literal(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map(literal).join(' | ') || 'never';
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((s) => wrap(schemaToTs(s, indent, depth + 1))).join(' | ') || 'never';
  if (schema.allOf)
    return schema.allOf.map((s) => wrap(schemaToTs(s, indent, depth + 1))).join(' & ') || 'unknown';
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return schema.properties ? objectType(schema, indent, depth) : 'unknown';
  return types.map((type) => wrap(oneType(type, schema, indent, depth))).join(' | ');
}

function wrap(type: string): string {
  return / \| | & /.test(type) && !type.startsWith('{') ? `(${type})` : type;
}

function oneType(type: string, schema: Schema, indent: string, depth: number): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const items = Array.isArray(schema.items)
        ? `[${schema.items.map((s) => schemaToTs(s, indent, depth + 1)).join(', ')}]`
        : undefined;
      return (
        items ?? `${wrap(schemaToTs(schema.items as Schema | undefined, indent, depth + 1))}[]`
      );
    }
    case 'object':
      return objectType(schema, indent, depth);
    default:
      return 'unknown';
  }
}

function objectType(schema: Schema, indent: string, depth: number): string {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (properties.length === 0) {
    if (extra === false) return 'Record<string, never>';
    return `Record<string, ${typeof extra === 'object' ? schemaToTs(extra, indent, depth + 1) : 'unknown'}>`;
  }
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = properties.map(
    ([name, s]) =>
      `${jsDoc(s.description, inner)}${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${schemaToTs(s, inner, depth + 1)};`,
  );
  if (typeof extra === 'object') lines.push(`${inner}[key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}
