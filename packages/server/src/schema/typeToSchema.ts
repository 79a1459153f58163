import type { TypeRef } from '../metadata/TypeRef';
import { buildDtoSchema } from './buildDtoSchema';
import type { SchemaObject } from './converters';

/** JSON Schema (2020-12) of a resolved type. */
export function typeToSchema(type: TypeRef, seen: Function[] = []): SchemaObject {
  switch (type.kind) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'integer':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'enum': {
      const kinds = new Set(type.values.map((v) => (v === null ? 'null' : typeof v)));
      return kinds.size === 1 ? { type: [...kinds][0], enum: type.values } : { enum: type.values };
    }
    case 'union':
      return { anyOf: type.members.map((m) => typeToSchema(m, seen)) };
    case 'array':
      return { type: 'array', items: typeToSchema(type.items, seen) };
    case 'dto':
      return buildDtoSchema(type.cls, seen);
    case 'schema':
      return { ...type.schema };
    default:
      return {};
  }
}
