import { ErrorCode, McpError } from '@typemcp/protocol';
import type { Resource, ResourceTemplate } from '@typemcp/protocol';
import { Context } from '../context/Context';
import { ListMethodNotFoundError } from '../errors/ListMethodNotFoundError';
import { TemplateVariableWithoutParameterError } from '../errors/TemplateVariableWithoutParameterError';
import type { CompleteFn, ResourceDefinition } from '../metadata/definitions';
import { mapResourceResult } from '../results/mapResourceResult';
import { UriTemplate } from '../templates/UriTemplate';
import { formatFieldErrors, validateArguments } from '../validation/validateArguments';
import { buildParams } from './buildParams';
import type { ResourceEntry, TemplateEntry } from './entries';
import { invokeMethod } from './Invocation';
import type { InvocationEnv } from './Invocation';

function describe<T extends Resource | ResourceTemplate>(base: T, d: ResourceDefinition): T {
  if (d.title !== undefined) base.title = d.title;
  if (d.description !== undefined) base.description = d.description;
  if (d.mimeType !== undefined) base.mimeType = d.mimeType;
  if (d.icons !== undefined) base.icons = d.icons;
  if (d.annotations !== undefined) base.annotations = d.annotations;
  return base;
}

/** Builds a fixed resource or a template from one `@Resource` method. */
export function buildResource(
  definition: ResourceDefinition,
  env: InvocationEnv,
): ResourceEntry | TemplateEntry {
  const template = new UriTemplate(definition.uri);
  const params = buildParams(definition.target, definition.methodName, Context);
  for (const variable of template.variables) {
    if (!params.some((p) => p.kind === 'arg' && p.name === variable)) {
      throw new TemplateVariableWithoutParameterError(
        definition.target,
        definition.methodName,
        definition.uri,
        variable,
      );
    }
  }
  const what = `resource ${definition.uri}`;
  const read = async (
    uri: string,
    variables: Record<string, string>,
    request: Parameters<ResourceEntry['read']>[2],
  ) => {
    const checked = await validateArguments(params, variables, { coerceStrings: true });
    if (checked.errors.length)
      throw new McpError(ErrorCode.InvalidParams, formatFieldErrors(what, checked.errors), { uri });
    const value = await invokeMethod(env, definition.methodName, params, checked.values, request);
    return mapResourceResult(value, uri, definition.mimeType);
  };
  if (template.isFixed) {
    const resource = describe<Resource>({ uri: definition.uri, name: definition.name }, definition);
    if (definition.size !== undefined) resource.size = definition.size;
    return { resource, enabled: true, read };
  }
  const completions = new Map<string, CompleteFn>();
  for (const p of params) if (p.complete) completions.set(p.name, p.complete);
  const entry: TemplateEntry = {
    template,
    descriptor: describe<ResourceTemplate>(
      { uriTemplate: definition.uri, name: definition.name },
      definition,
    ),
    enabled: true,
    read,
    completions,
  };
  const listMethod = definition.listMethod;
  if (
    listMethod &&
    typeof (definition.target.prototype as Record<string, unknown>)[listMethod] !== 'function'
  ) {
    throw new ListMethodNotFoundError(
      definition.target,
      definition.methodName,
      definition.uri,
      listMethod,
    );
  }
  if (listMethod) {
    entry.list = async () => {
      const instance = (await env.instance()) as Record<string, () => unknown>;
      const items = (await instance[listMethod]()) as Array<string | Partial<Resource>>;
      return items.map((item) => {
        const r = typeof item === 'string' ? { uri: item } : item;
        return describe<Resource>(
          { ...r, uri: String(r.uri), name: r.name ?? String(r.uri) } as Resource,
          { ...definition, description: r.description ?? definition.description },
        );
      });
    };
  }
  return entry;
}
