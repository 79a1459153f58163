import { getMetadataStorage as getValidationStorage } from 'class-validator';
import { getFieldOptions } from '../decorators/Field';
import { UnvalidatedFieldError } from '../errors/UnvalidatedFieldError';
import { getMetadataStorage } from '../metadata/MetadataStorage';
import { resolveTypeValue } from '../metadata/reflectType';
import type { TypeRef } from '../metadata/TypeRef';
import { converters } from './converters';
import type { ConstraintMeta, SchemaObject } from './converters';

interface TypeMetadataStorage {
  findTypeMetadata(
    target: Function,
    property: string,
  ): { typeFunction: () => Function } | undefined;
}

function classTransformerTypes(): TypeMetadataStorage | undefined {
  try {
    // class-transformer keeps @Type() records here; read-only use.
    return (
      require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeMetadataStorage }
    ).defaultMetadataStorage;
  } catch {
    return undefined;
  }
}

interface ValidationMeta extends ConstraintMeta {
  propertyName: string;
  type: string;
}

/** Every property a DTO class declares through class-validator (`@Field` only adds to one of these). */
export function dtoProperties(cls: Function): Map<string, ValidationMeta[]> {
  const metas = getValidationStorage().getTargetValidationMetadatas(
    cls,
    '',
    true,
    false,
  ) as unknown as ValidationMeta[];
  const byProperty = new Map<string, ValidationMeta[]>();
  for (const meta of metas) {
    const list = byProperty.get(meta.propertyName) ?? [];
    list.push(meta);
    byProperty.set(meta.propertyName, list);
  }
  return byProperty;
}

/** The resolved type of one DTO property: `@Field` thunk, `@Type`, then `design:type`. */
export function dtoPropertyType(cls: Function, property: string): TypeRef | undefined {
  const field = getFieldOptions(cls, property);
  if (field?.type) return resolveTypeValue(field.type());
  const reflected = Reflect.getMetadata('design:type', cls.prototype, property) as
    Function | undefined;
  const nested = classTransformerTypes()?.findTypeMetadata(cls, property)?.typeFunction();
  if (nested)
    return reflected === Array
      ? { kind: 'array', items: { kind: 'dto', cls: nested } }
      : { kind: 'dto', cls: nested };
  return resolveTypeValue(reflected);
}

/**
 * JSON Schema (2020-12) of a DTO class, from its class-validator constraints, `@Field`
 * options and `design:type`. Optional properties are those with `@IsOptional()`.
 */
export function buildDtoSchema(cls: Function, seen: Function[] = []): SchemaObject {
  if (seen.includes(cls)) return { type: 'object' }; // recursive DTO: stop here
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  const validated = dtoProperties(cls);
  // A @Field without a class-validator constraint would be neither in the schema nor checked.
  const unvalidated = getMetadataStorage()
    .fieldNamesOf(cls)
    .find((name) => !validated.has(name));
  if (unvalidated !== undefined) throw new UnvalidatedFieldError(cls, unvalidated);
  for (const [property, metas] of validated) {
    let schema: SchemaObject = {};
    const type = dtoPropertyType(cls, property);
    if (type && type.kind !== 'unknown') schema = typeToSchema(type, [...seen, cls]);
    const itemExtras: SchemaObject = {};
    for (const meta of metas) {
      if (meta.type !== 'customValidation' || !meta.name) continue;
      const convert = converters[meta.name];
      if (!convert) continue;
      const extra = convert(meta);
      if (meta.each) Object.assign(itemExtras, extra);
      else Object.assign(schema, extra);
    }
    if (Object.keys(itemExtras).length > 0) {
      schema.type = 'array';
      schema.items = { ...((schema.items as SchemaObject) ?? {}), ...itemExtras };
    }
    const field = getFieldOptions(cls, property);
    if (field?.title !== undefined) schema.title = field.title;
    if (field?.description !== undefined) schema.description = field.description;
    if (field?.default !== undefined) schema.default = field.default;
    properties[property] = schema;
    if (!metas.some((m) => m.type === 'conditionalValidation' || m.name === 'isOptional'))
      required.push(property);
  }
  const schema: SchemaObject = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  return schema;
}

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
