import { ErrorCode, McpError } from '@typemcp/protocol';
import type { Prompt } from '@typemcp/protocol';
import { Context } from '../context/Context';
import type { CompleteFn, PromptDefinition } from '../metadata/definitions';
import { mapPromptResult } from '../results/mapPromptResult';
import { formatFieldErrors, validateArguments } from '../validation/validateArguments';
import { buildParams } from './buildParams';
import type { PromptEntry } from './entries';
import { invokeMethod } from './Invocation';
import type { InvocationEnv } from './Invocation';

/** Builds the served form of one `@Prompt` method. */
export function buildPrompt(definition: PromptDefinition, env: InvocationEnv): PromptEntry {
  const params = buildParams(definition.target, definition.methodName, Context);
  const prompt: Prompt = { name: definition.name };
  if (definition.title !== undefined) prompt.title = definition.title;
  if (definition.description !== undefined) prompt.description = definition.description;
  if (definition.icons !== undefined) prompt.icons = definition.icons;
  const args = params.filter((p) => p.kind === 'arg');
  if (args.length > 0) {
    prompt.arguments = args.map((p) => {
      const a: NonNullable<Prompt['arguments']>[number] = { name: p.name };
      if (typeof p.schema.description === 'string') a.description = p.schema.description;
      a.required = p.required;
      return a;
    });
  }
  const completions = new Map<string, CompleteFn>();
  for (const p of args) if (p.complete) completions.set(p.name, p.complete);
  return {
    prompt,
    enabled: true,
    completions,
    async get(argumentsIn, request) {
      const checked = await validateArguments(params, argumentsIn ?? {}, { coerceStrings: true });
      if (checked.errors.length) {
        throw new McpError(
          ErrorCode.InvalidParams,
          formatFieldErrors(`prompt "${definition.name}"`, checked.errors),
        );
      }
      const value = await invokeMethod(env, definition.methodName, params, checked.values, request);
      return mapPromptResult(value, definition.description);
    },
  };
}
