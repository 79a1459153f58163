import type * as ts from 'typescript';

/** What TypeScript says a type is, reduced to what a JSON Schema can say. */
export type TsShape =
  | { kind: 'string' | 'number' | 'boolean' | 'null' | 'void' | 'unknown' }
  | { kind: 'literals'; values: Array<string | number | boolean>; enumName?: string }
  | { kind: 'array'; items: TsShape }
  | { kind: 'object'; name?: string; isClass: boolean }
  | { kind: 'union'; members: TsShape[] }
  | { kind: 'promise'; inner: TsShape };

/** Reduces a TypeScript type to a {@link TsShape} (undefined stripped: optionality is told apart). */
export function shapeOf(
  type: ts.Type,
  checker: ts.TypeChecker,
  tsApi: typeof ts,
  depth = 0,
): TsShape {
  const F = tsApi.TypeFlags;
  if (depth > 5) return { kind: 'unknown' };
  if (type.flags & (F.Any | F.Unknown | F.Never)) return { kind: 'unknown' };
  if (type.flags & (F.Void | F.Undefined)) return { kind: 'void' };
  if (type.flags & F.Null) return { kind: 'null' };
  if (type.flags & F.StringLiteral)
    return { kind: 'literals', values: [(type as ts.StringLiteralType).value] };
  if (type.flags & F.NumberLiteral)
    return { kind: 'literals', values: [(type as ts.NumberLiteralType).value] };
  if (type.flags & F.BooleanLiteral) return { kind: 'boolean' };
  if (type.flags & (F.String | F.TemplateLiteral)) return { kind: 'string' };
  if (type.flags & F.Number) return { kind: 'number' };
  if (type.flags & F.Boolean) return { kind: 'boolean' };
  if (type.isUnion()) {
    const members = type.types.filter((t) => !(t.flags & (F.Undefined | F.Void)));
    const enumName =
      type.flags & F.EnumLiteral || type.aliasSymbol === undefined ? enumOf(type) : undefined;
    if (members.length > 0 && members.every((t) => t.flags & (F.StringLiteral | F.NumberLiteral))) {
      const values = members.map((t) => (t as ts.LiteralType).value as string | number);
      return enumName ? { kind: 'literals', values, enumName } : { kind: 'literals', values };
    }
    const shapes = dedupe(members.map((t) => shapeOf(t, checker, tsApi, depth + 1)));
    return shapes.length === 1 ? (shapes[0] as TsShape) : { kind: 'union', members: shapes };
  }
  const symbol = type.getSymbol();
  if (symbol?.getName() === 'Promise') {
    const [inner] = checker.getTypeArguments(type as ts.TypeReference);
    return {
      kind: 'promise',
      inner: inner ? shapeOf(inner, checker, tsApi, depth + 1) : { kind: 'unknown' },
    };
  }
  if (checker.isArrayType(type)) {
    const [items] = checker.getTypeArguments(type as ts.TypeReference);
    return {
      kind: 'array',
      items: items ? shapeOf(items, checker, tsApi, depth + 1) : { kind: 'unknown' },
    };
  }
  if (type.flags & F.Object) {
    const isClass = symbol !== undefined && (symbol.flags & tsApi.SymbolFlags.Class) !== 0;
    const name = symbol && !symbol.getName().startsWith('__') ? symbol.getName() : undefined;
    return name ? { kind: 'object', name, isClass } : { kind: 'object', isClass };
  }
  return { kind: 'unknown' };
}

function enumOf(type: ts.UnionType): string | undefined {
  const parent = (type.types[0]?.getSymbol() as { parent?: ts.Symbol } | undefined)?.parent;
  return parent && parent.flags & 384 /* Enum | ConstEnum */ ? parent.getName() : undefined;
}

function dedupe(shapes: TsShape[]): TsShape[] {
  const seen = new Set<string>();
  return shapes.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A shape as TypeScript would write it. */
export function describeShape(shape: TsShape): string {
  switch (shape.kind) {
    case 'literals':
      return (
        shape.enumName ?? shape.values.map((v) => JSON.stringify(v).replace(/"/g, "'")).join(' | ')
      );
    case 'array':
      return `${describeShape(shape.items)}[]`;
    case 'object':
      return shape.name ?? 'object';
    case 'union':
      return shape.members.map(describeShape).join(' | ');
    case 'promise':
      return `Promise<${describeShape(shape.inner)}>`;
    default:
      return shape.kind;
  }
}
