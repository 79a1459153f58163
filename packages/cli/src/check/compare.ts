import { describeShape } from './TsShape';
import type { TsShape } from './TsShape';
import type { SourceMethod, SourceParam } from './readSource';

/** One thing the runtime schema loses of what the source says. */
export interface Finding {
  /** `file:line` of the method. */
  location: string;
  /** `Class.method(param)` or `Class.method`. */
  subject: string;
  /** What the schema TypeMCP builds says. */
  schema: string;
  /** What TypeScript says. */
  typescript: string;
  /** The decorator option that closes the gap. */
  fix: string;
}

/** What the server built at run time for one method. */
export type RuntimeEntry =
  | {
      kind: 'tool';
      name: string;
      description?: string;
      inputSchema: JsonSchema;
      outputSchema?: JsonSchema;
    }
  | {
      kind: 'prompt';
      name: string;
      description?: string;
      arguments: Array<{ name: string; required?: boolean; description?: string }>;
    };

/** The parts of a JSON Schema the comparison reads. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  anyOf?: JsonSchema[];
}

/**
 * Formats a finding as its one line.
 *
 * @example
 * (await checkFile('src/server.ts')).findings.map(formatFinding).forEach((line) => console.log(line));
 */
export function formatFinding(f: Finding): string {
  return `${f.location} ${f.subject}: schema says ${f.schema}; TypeScript says ${f.typescript}; fix: ${f.fix}`;
}

function schemaText(schema: JsonSchema | undefined): string {
  if (!schema) return 'nothing';
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.anyOf) return schema.anyOf.map(schemaText).join(' or ');
  if (schema.type === 'array') return `${schemaText(schema.items)}[]`;
  if (schema.type === 'object' && !schema.properties) return 'any object';
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'anything');
}

/** `() => X` for a shape, as a type thunk would say it. */
function thunkFor(shape: TsShape): string | undefined {
  switch (shape.kind) {
    case 'string':
      return 'String';
    case 'number':
      return 'Number';
    case 'boolean':
      return 'Boolean';
    case 'literals':
      return (
        shape.enumName ??
        `Union(${shape.values.map((v) => JSON.stringify(v).replace(/"/g, "'")).join(', ')})`
      );
    case 'array': {
      const inner = thunkFor(shape.items);
      return inner ? `[${inner}]` : undefined;
    }
    case 'object':
      return shape.isClass && shape.name ? shape.name : undefined;
    default:
      return undefined;
  }
}

function primitiveMatches(shape: TsShape, schema: JsonSchema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (schema.anyOf || types.length === 0) return true;
  if (shape.kind === 'string') return types.includes('string');
  if (shape.kind === 'number') return types.includes('number') || types.includes('integer');
  if (shape.kind === 'boolean') return types.includes('boolean');
  if (shape.kind === 'array')
    return (
      types.includes('array') && (!schema.items || primitiveMatches(shape.items, schema.items))
    );
  return true;
}

/** What a parameter's schema loses of its TypeScript type. */
function compareParam(
  method: SourceMethod,
  param: SourceParam,
  schema: JsonSchema | undefined,
  required: boolean,
  argFix: (option: string) => string,
): Finding[] {
  const found: Finding[] = [];
  const subject = `${method.className}.${method.methodName}(${param.name})`;
  const add = (schemaSays: string, tsSays: string, fix: string) =>
    found.push({ location: method.location, subject, schema: schemaSays, typescript: tsSays, fix });
  if (param.optional && required)
    add('required', `optional (${param.name}?)`, argFix('optional: true'));
  if (schema) {
    const shape = param.shape;
    if (shape.kind === 'literals' && !schema.enum) {
      add(schemaText(schema), describeShape(shape), argFix(`type: () => ${thunkFor(shape)}`));
    } else if (
      shape.kind === 'object' &&
      !shape.isClass &&
      schema.type === 'object' &&
      !schema.properties
    ) {
      add(
        'any object',
        `${describeShape(shape)} (an interface: no schema at run time)`,
        `make ${describeShape(shape)} a class with @Field() properties, or ${argFix('schema: { ... }')}`,
      );
    } else if (!primitiveMatches(shape, schema)) {
      const thunk = thunkFor(shape);
      add(
        schemaText(schema),
        describeShape(shape),
        thunk ? argFix(`type: () => ${thunk}`) : argFix('schema: { ... }'),
      );
    }
  }
  if (param.doc && !schema?.description)
    add(
      'no description',
      `"${param.doc}" (JSDoc @param)`,
      argFix(`description: ${JSON.stringify(param.doc)}`),
    );
  return found;
}

/** Everything the runtime entry of one method loses of its source. */
export function compareMethod(method: SourceMethod, entry: RuntimeEntry): Finding[] {
  const found: Finding[] = [];
  const subject = `${method.className}.${method.methodName}`;
  const argFix = (option: string) => `@Arg({ ${option} })`;
  const params = method.params.filter((p) => !p.isContext);
  if (method.doc && !entry.description) {
    found.push({
      location: method.location,
      subject,
      schema: 'no description',
      typescript: `"${method.doc.split('\n')[0]}" (JSDoc)`,
      fix: `@${method.decorator}({ description: ${JSON.stringify(method.doc.split('\n')[0])} })`,
    });
  }
  if (entry.kind === 'tool') {
    const dto =
      params.length === 1 && params[0]?.shape.kind === 'object' && params[0].shape.isClass;
    if (!dto) {
      const names = Object.keys(entry.inputSchema.properties ?? {});
      const required = new Set(entry.inputSchema.required ?? []);
      params.forEach((param, i) => {
        const key = names[i];
        found.push(
          ...compareParam(
            method,
            param,
            key === undefined ? undefined : entry.inputSchema.properties?.[key],
            key !== undefined && required.has(key),
            argFix,
          ),
        );
      });
    }
    found.push(...compareReturn(method, entry));
  } else {
    params.forEach((param, i) => {
      const arg = entry.arguments[i];
      const schema: JsonSchema = arg?.description ? { description: arg.description } : {};
      found.push(
        ...compareParam(
          method,
          { ...param, shape: { kind: 'unknown' } },
          schema,
          arg?.required === true,
          argFix,
        ),
      );
    });
  }
  return found;
}

function compareReturn(
  method: SourceMethod,
  entry: Extract<RuntimeEntry, { kind: 'tool' }>,
): Finding[] {
  if (entry.outputSchema || /structuredOutput\s*:\s*false/.test(method.decoratorText)) return [];
  const inner = method.returns.kind === 'promise' ? method.returns.inner : method.returns;
  if (['void', 'unknown', 'null'].includes(inner.kind)) return [];
  if (inner.kind === 'object' && inner.name && /Result$|^(Image|Audio)$/.test(inner.name))
    return [];
  const thunk = thunkFor(inner);
  const fix =
    inner.kind === 'object' && !inner.isClass
      ? `return a class with @Field() properties instead of ${describeShape(inner)}, and @Tool({ output: () => ThatClass })`
      : thunk
        ? `@Tool({ output: () => ${thunk} })`
        : '@Tool({ output: () => ... })';
  return [
    {
      location: method.location,
      subject: `${method.className}.${method.methodName}`,
      schema: 'no outputSchema (unstructured text)',
      typescript: `returns ${describeShape(method.returns)}`,
      fix,
    },
  ];
}
