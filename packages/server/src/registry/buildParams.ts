import { EmptyEnumError } from '../errors/EmptyEnumError';
import { InvalidParamHeaderError } from '../errors/InvalidParamHeaderError';
import { RestParameterError } from '../errors/RestParameterError';
import { MissingParameterNameError } from '../errors/MissingParameterNameError';
import { NoExplicitTypeError } from '../errors/NoExplicitTypeError';
import type { CompleteFn } from '../metadata/definitions';
import { getMetadataStorage } from '../metadata/MetadataStorage';
import { readParameterNames } from '../metadata/readParameterNames';
import {
  describeReflected,
  enumValues,
  resolveTypeValue,
  typeOfDefault,
} from '../metadata/reflectType';
import type { TypeRef } from '../metadata/TypeRef';
import type { SchemaObject } from '../schema/converters';
import { typeToSchema } from '../schema/buildDtoSchema';
import { compileArgument } from '../validation/compileArgument';
import { assertDecoratorMetadata, assertReadableNames } from './checkCompiledSource';
import type { ArgumentPreparer } from '../validation/compileArgument';

/** One parameter of a decorated method, resolved once at start-up. */
export interface ParamSpec {
  index: number;
  /** `context` parameters are injected, never part of the schema. */
  kind: 'arg' | 'context';
  name: string;
  type: TypeRef;
  required: boolean;
  default?: unknown;
  schema: SchemaObject;
  complete?: CompleteFn;
  /** Checks and converts the argument; compiled here, once. */
  prepare: ArgumentPreparer;
}

/**
 * Resolves every parameter of `target.prototype[methodName]`: names from the source, types from
 * `design:paramtypes` or `@Arg` thunks, optionality from defaults and `@Arg`.
 */
export function buildParams(
  target: Function,
  methodName: string,
  contextClass: Function,
): ParamSpec[] {
  const method = (target.prototype as Record<string, Function>)[methodName];
  const metadata = Reflect.getMetadata('design:paramtypes', target.prototype, methodName) as
    unknown[] | undefined;
  if (metadata === undefined) assertDecoratorMetadata(target);
  const reflected = metadata ?? [];
  const source = readParameterNames(method);
  const args = getMetadataStorage().argsOf(target, methodName);
  const count = Math.max(reflected.length, source.length);
  const params: ParamSpec[] = [];
  const sourceNamed: string[] = [];
  for (let index = 0; index < count; index++) {
    const arg = args.find((a) => a.index === index);
    const written = source[index];
    let type: TypeRef | undefined;
    if (arg?.schema) type = { kind: 'schema', schema: arg.schema };
    else if (arg?.enum)
      type = {
        kind: 'enum',
        values: Array.isArray(arg.enum) ? [...arg.enum] : enumValues(arg.enum),
      };
    else if (arg?.type) type = resolveTypeValue(arg.type(), contextClass);
    else
      type =
        resolveTypeValue(reflected[index] as Function, contextClass) ??
        typeOfDefault(written?.defaultValue);
    if (type?.kind === 'context') {
      params.push({
        index,
        kind: 'context',
        name: written?.name ?? 'ctx',
        type,
        required: false,
        schema: {},
        prepare: (v) => v,
      });
      continue;
    }
    const name = arg?.name ?? written?.name;
    if (!name) throw new MissingParameterNameError(target, methodName, index);
    if (written?.rest) throw new RestParameterError(target, methodName, written.name ?? name);
    if (!type)
      throw new NoExplicitTypeError(target, methodName, name, describeReflected(reflected[index]));
    if (type.kind === 'enum' && type.values.length === 0)
      throw new EmptyEnumError(target, methodName, name);
    const schema = typeToSchema(type);
    if (arg?.description !== undefined) schema.description = arg.description;
    if (arg?.header !== undefined) {
      const primitive = ['string', 'integer', 'boolean'];
      const fits =
        primitive.includes(type.kind) ||
        (type.kind === 'enum' && primitive.includes(String(schema.type)));
      if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(arg.header) || !fits) {
        throw new InvalidParamHeaderError(target, methodName, name, arg.header);
      }
      schema['x-mcp-header'] = arg.header;
    }
    const defaultValue = arg?.default !== undefined ? arg.default : written?.defaultValue;
    if (defaultValue !== undefined) schema.default = defaultValue;
    params.push({
      index,
      kind: 'arg',
      name,
      type,
      required: !(arg?.optional || arg?.default !== undefined || written?.hasDefault),
      default: defaultValue,
      schema,
      complete: arg?.complete,
      prepare: compileArgument(type, schema),
    });
    if (!arg?.name) sourceNamed.push(name);
  }
  // A lone DTO's parameter name is never on the wire (its properties are the arguments).
  if (!spreadDto(params)) assertReadableNames(target, methodName, sourceNamed);
  return params;
}

/** The single DTO parameter whose properties are the arguments, if the method has exactly one. */
export function spreadDto(params: ParamSpec[]): Function | undefined {
  const args = params.filter((p) => p.kind === 'arg');
  if (args.length !== 1 || args[0].type.kind !== 'dto') return undefined;
  return args[0].type.cls;
}
