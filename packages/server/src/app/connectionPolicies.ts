import type { Registry } from '../registry/Registry';

/**
 * The OAuth scopes a request needs (`@Tool({ scopes })` and the like), for the HTTP layer's 403
 * before the request runs; `undefined` when nothing is scoped or the target is unknown.
 */
export function requiredScopesOf(
  registry: Registry,
  method: string,
  params: Record<string, unknown> | undefined,
): string[] | undefined {
  if (!registry.scoped) return undefined;
  const key = params?.name;
  if (method === 'tools/call' && typeof key === 'string') return registry.tools.get(key)?.scopes;
  if (method === 'prompts/get' && typeof key === 'string') return registry.prompts.get(key)?.scopes;
  if (
    (method === 'resources/read' || method === 'resources/subscribe') &&
    typeof params?.uri === 'string'
  )
    return registry.resourceEntry(params.uri)?.scopes;
  if (method === 'completion/complete') {
    const ref = params?.ref as { type?: unknown; name?: unknown; uri?: unknown } | undefined;
    if (ref?.type === 'ref/prompt' && typeof ref.name === 'string')
      return registry.prompts.get(ref.name)?.scopes;
    if (ref?.type === 'ref/resource' && typeof ref.uri === 'string')
      return registry.templates.get(ref.uri)?.scopes;
  }
  return undefined;
}

/**
 * The per-connection policies the HTTP layer applies before a request reaches the server, read
 * from the registry: `Mcp-Param-*` headers of a tool, the scopes a request needs, every scope in
 * use. Given to the low-level `Server` through its options.
 */
export function connectionPolicies(registry: Registry): {
  toolParamHeaders: (toolName: string) => Readonly<Record<string, string>> | undefined;
  requiredScopes: (
    method: string,
    params: Record<string, unknown> | undefined,
  ) => string[] | undefined;
  allScopes: () => string[];
} {
  return {
    toolParamHeaders: (name) => registry.paramHeaders(name),
    requiredScopes: (method, params) => requiredScopesOf(registry, method, params),
    allScopes: () => registry.allScopes(),
  };
}
