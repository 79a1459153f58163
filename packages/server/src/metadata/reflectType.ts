import type { TypeValue } from './definitions';
import type { TypeRef } from './TypeRef';

const OPAQUE = new Set<unknown>([Object, Function, Array, Promise, Symbol, undefined, null]);

/** The values of a TypeScript enum object (numeric enums' reverse entries left out). */
export function enumValues(enumObject: object): Array<string | number> {
  const entries = Object.entries(enumObject);
  const numeric = entries.filter(([, v]) => typeof v === 'number').map(([, v]) => v as number);
  const strings = entries
    .filter(
      ([k, v]) =>
        typeof v === 'string' && !(Number.isInteger(Number(k)) && numeric.includes(Number(k))),
    )
    .map(([, v]) => v as string);
  return [...strings, ...numeric];
}

/**
 * Resolves a reflected type or a thunk's value to a {@link TypeRef}; `undefined` when it cannot
 * be known (Object, Array without element type, Promise, interfaces, unions).
 */
export function resolveType(
  value: TypeValue | undefined,
  contextClass?: Function,
): TypeRef | undefined {
  if (Array.isArray(value)) {
    if (value.length !== 1) return undefined;
    const items = resolveTypeValue(value[0] as TypeValue, contextClass);
    return items ? { kind: 'array', items } : undefined;
  }
  if (value === String) return { kind: 'string' };
  if (value === Number) return { kind: 'number' };
  if (value === Boolean) return { kind: 'boolean' };
  if (value === Date) return { kind: 'date' };
  if (OPAQUE.has(value)) return undefined;
  if (typeof value === 'function') {
    if (contextClass && (value === contextClass || value.prototype instanceof contextClass))
      return { kind: 'context' };
    return { kind: 'dto', cls: value };
  }
  if (typeof value === 'object') return { kind: 'enum', values: enumValues(value) };
  return undefined;
}

/** `Integer` marker: `@Arg({ type: () => Integer })` gives `{ "type": "integer" }`. */
export const Integer: TypeValue = Object.freeze({ __typemcpInteger: true });

const UNION_MEMBERS = Symbol.for('typemcp.unionMembers');

/** A literal a {@link Union} may list. */
export type UnionLiteral = string | number | boolean | null;

/**
 * Union marker for a type thunk, where reflection sees only `Object`: constructors, enums and DTO
 * classes become `anyOf` branches, literals become one `enum`.
 *
 * @example
 * @Tool() sort(@Arg({ type: () => Union('asc', 'desc') }) order: 'asc' | 'desc') { ... }
 * @Tool() find(@Arg({ type: () => Union(String, Number) }) id: string | number) { ... }
 */
export function Union(...members: Array<TypeValue | UnionLiteral>): TypeValue {
  return Object.freeze({ [UNION_MEMBERS]: members });
}

function resolveUnion(
  members: Array<TypeValue | UnionLiteral>,
  contextClass?: Function,
): TypeRef | undefined {
  const literals = members.filter(
    (m): m is UnionLiteral => m === null || ['string', 'number', 'boolean'].includes(typeof m),
  );
  const refs: TypeRef[] = [];
  for (const member of members) {
    if (literals.includes(member as UnionLiteral)) continue;
    const ref = resolveTypeValue(member as TypeValue, contextClass);
    if (!ref || ref.kind === 'context') return undefined;
    refs.push(ref);
  }
  if (literals.length > 0) refs.push({ kind: 'enum', values: literals });
  if (refs.length === 0) return undefined;
  return refs.length === 1 ? refs[0] : { kind: 'union', members: refs };
}

/** Same as {@link resolveType} but knows the {@link Integer} and {@link Union} markers. */
export function resolveTypeValue(
  value: TypeValue | undefined,
  contextClass?: Function,
): TypeRef | undefined {
  if (value === Integer) return { kind: 'integer' };
  if (typeof value === 'object' && value !== null && UNION_MEMBERS in value) {
    return resolveUnion(
      (value as Record<symbol, Array<TypeValue | UnionLiteral>>)[UNION_MEMBERS],
      contextClass,
    );
  }
  return resolveType(value, contextClass);
}

/** The type of a literal default (`style = 'friendly'`), where reflection saw only Object (or nothing). */
export function typeOfDefault(value: unknown): TypeRef | undefined {
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  return undefined;
}

/** Human name of a reflected type, for error messages. */
export function describeReflected(value: unknown): string {
  if (value === undefined) return 'nothing (this method has no design:paramtypes metadata)';
  if (typeof value === 'function') return value.name || 'anonymous function';
  return String(value);
}
