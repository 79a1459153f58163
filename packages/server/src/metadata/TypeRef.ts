/** What a parameter, property or output is, once reflection and thunks are resolved. */
export type TypeRef =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'integer' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'enum'; values: Array<string | number | boolean | null> }
  | { kind: 'union'; members: TypeRef[] }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'dto'; cls: Function }
  | { kind: 'context' }
  | { kind: 'schema'; schema: Record<string, unknown> }
  | { kind: 'unknown' };
