import { McpError } from '@typemcp/protocol';
import type { CallToolResult, Tool } from '@typemcp/protocol';
import { Context } from '../context/Context';
import { EscalateToTaskSignal } from '../mrtr/EscalateToTaskSignal';
import { InputRequiredSignal } from '../mrtr/InputRequiredSignal';
import { MissingReturnTypeError } from '../errors/MissingReturnTypeError';
import type { ToolDefinition } from '../metadata/definitions';
import { resolveTypeValue } from '../metadata/reflectType';
import type { TypeRef } from '../metadata/TypeRef';
import { mapToolResult } from '../results/mapToolResult';
import type { OutputShape } from '../results/mapToolResult';
import { Audio, Image } from '../results/media';
import { buildDtoSchema, typeToSchema } from '../schema/buildDtoSchema';
import { compileValidator } from '../validation/compileValidator';
import type { FieldError } from '../validation/checkSchema';
import { formatFieldErrors, validateArguments, validateDto } from '../validation/validateArguments';
import { buildParams, spreadDto } from './buildParams';
import type { ToolEntry } from './entries';
import { invokeMethod } from './Invocation';
import type { InvocationEnv } from './Invocation';

function outputShape(definition: ToolDefinition): OutputShape {
  if (definition.structuredOutput === false) return { wrap: false };
  let type: TypeRef | undefined;
  if (definition.output) {
    type = resolveTypeValue(definition.output());
    if (!type)
      throw new MissingReturnTypeError(
        definition.target,
        definition.methodName,
        String(definition.output()),
      );
  } else {
    const reflected = Reflect.getMetadata(
      'design:returntype',
      definition.target.prototype,
      definition.methodName,
    ) as unknown;
    if (reflected === Image || reflected === Audio || reflected === Array || reflected === Object)
      return { wrap: false };
    type = resolveTypeValue(reflected as Function);
  }
  if (!type || type.kind === 'unknown' || type.kind === 'context') return { wrap: false };
  if (type.kind === 'dto') return { schema: buildDtoSchema(type.cls), wrap: false };
  return {
    schema: { type: 'object', properties: { result: typeToSchema(type) }, required: ['result'] },
    wrap: true,
  };
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** Builds the served form of one `@Tool` method: schemas now, validation and invocation per call. */
export function buildTool(definition: ToolDefinition, env: InvocationEnv): ToolEntry {
  const params = buildParams(definition.target, definition.methodName, Context);
  const dto = spreadDto(params);
  const inputSchema: Tool['inputSchema'] = dto
    ? (buildDtoSchema(dto) as Tool['inputSchema'])
    : {
        type: 'object',
        properties: Object.fromEntries(
          params.filter((p) => p.kind === 'arg').map((p) => [p.name, p.schema]),
        ),
      };
  const required = params.filter((p) => p.kind === 'arg' && p.required).map((p) => p.name);
  if (!dto && required.length > 0) inputSchema.required = required;
  const output = outputShape(definition);
  const checkOutput = output.schema ? compileValidator(output.schema) : undefined;
  const tool: Tool = { name: definition.name, inputSchema };
  if (definition.title !== undefined) tool.title = definition.title;
  if (definition.description !== undefined) tool.description = definition.description;
  if (output.schema) tool.outputSchema = output.schema;
  if (definition.annotations !== undefined) tool.annotations = definition.annotations;
  if (definition.icons !== undefined) tool.icons = definition.icons;
  if (definition.task !== undefined && definition.task !== 'forbidden')
    tool.execution = { taskSupport: definition.task };
  if (definition.meta !== undefined) tool._meta = definition.meta;
  const what = `tool "${definition.name}"`;

  return {
    tool,
    taskStart: definition.taskStart,
    enabled: true,
    async call(args, request) {
      let values: Map<number, unknown>;
      if (dto) {
        const errors: FieldError[] = [];
        const instance = await validateDto(dto, args, '', errors);
        if (errors.length) return errorResult(formatFieldErrors(what, errors));
        const dtoParam = params.find((p) => p.kind === 'arg');
        values = new Map([[dtoParam?.index ?? 0, instance]]);
      } else {
        const checked = await validateArguments(params, args);
        if (checked.errors.length) return errorResult(formatFieldErrors(what, checked.errors));
        values = checked.values;
      }
      let value: unknown;
      try {
        value = invokeMethod(env, definition.methodName, params, values, request);
        if (value instanceof Promise) value = await value; // a synchronous tool costs no tick
      } catch (error) {
        if (
          error instanceof McpError ||
          error instanceof InputRequiredSignal ||
          error instanceof EscalateToTaskSignal
        )
          throw error;
        return errorResult(error instanceof Error ? error.message : String(error));
      }
      const result = mapToolResult(value, output);
      if (checkOutput && !result.isError && result.structuredContent !== undefined) {
        const problems: FieldError[] = [];
        checkOutput(result.structuredContent, '', problems);
        if (problems.length) {
          return errorResult(
            `The ${what} returned output that does not match its outputSchema:\n${problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`,
          );
        }
      }
      return result;
    },
  };
}
