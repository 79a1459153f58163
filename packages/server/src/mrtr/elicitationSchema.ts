import { DefinitionError } from '../errors/DefinitionError';
import { buildDtoSchema } from '../schema/buildDtoSchema';
import type { SchemaObject } from '../schema/converters';

const FORMATS = new Set(['email', 'uri', 'date', 'date-time']);
const cache = new WeakMap<Function, SchemaObject>();

function allowed(property: SchemaObject): boolean {
  const type = property.type;
  if (type === 'boolean') return true;
  if (type === 'number' || type === 'integer')
    return !('enum' in property) || Array.isArray(property.enum);
  if (type === 'string')
    return property.format === undefined || FORMATS.has(String(property.format));
  if (type === 'array') {
    const items = property.items as SchemaObject | undefined;
    return !!items && (Array.isArray(items.enum) || Array.isArray(items.anyOf));
  }
  return false;
}

/**
 * The `requestedSchema` of an elicitation built from a DTO class, restricted to what the spec
 * allows (a flat object of strings with email/uri/date/date-time formats, numbers and integers
 * with bounds, booleans, single- and multi-select enums, defaults). Anything else is an error that
 * names the class and the property. Built once per class.
 */
export function elicitationSchema(dto: Function): SchemaObject {
  const cached = cache.get(dto);
  if (cached) return cached;
  const schema = buildDtoSchema(dto);
  const properties = (schema.properties ?? {}) as Record<string, SchemaObject>;
  for (const [name, property] of Object.entries(properties)) {
    if (!allowed(property)) {
      throw new DefinitionError(
        `${dto.name}.${name} cannot be asked for in an elicitation: the spec allows only flat strings ` +
          `(formats email, uri, date, date-time), numbers, integers, booleans and enums. Change its type, or ask with a plain schema.`,
      );
    }
  }
  cache.set(dto, schema);
  return schema;
}
