import type { ProtectedResourceMetadata, ResourceServerOptions } from '@typemcp/protocol';

const WELL_KNOWN = '/.well-known/oauth-protected-resource';

/**
 * The canonical form of a resource URI (RFC 8707, MCP authorization): lower-case scheme and host,
 * no fragment, no trailing slash after a path.
 *
 * @example
 * canonicalResource('HTTPS://MCP.Example.com/mcp/'); // 'https://mcp.example.com/mcp'
 */
export function canonicalResource(resource: string | URL): string {
  const url = new URL(String(resource));
  url.hash = '';
  let text = url.href;
  if (url.pathname !== '/' && text.endsWith('/') && !url.search) text = text.slice(0, -1);
  if (url.pathname === '/' && !url.search) text = text.slice(0, -1);
  return text;
}

/**
 * The paths of a resource's RFC 9728 metadata on its origin: the path-inserted one
 * (`/.well-known/oauth-protected-resource/mcp`) first, then the root one.
 *
 * @example
 * protectedResourcePaths('https://h/mcp'); // ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']
 */
export function protectedResourcePaths(resource: string | URL): string[] {
  const path = new URL(String(resource)).pathname.replace(/\/$/, '');
  return path ? [`${WELL_KNOWN}${path}`, WELL_KNOWN] : [WELL_KNOWN];
}

/**
 * The URL clients are pointed to in `resource_metadata` (the path-inserted one).
 *
 * @example
 * protectedResourceMetadataUrl('https://h/mcp'); // 'https://h/.well-known/oauth-protected-resource/mcp'
 */
export function protectedResourceMetadataUrl(resource: string | URL): string {
  return new URL(protectedResourcePaths(resource)[0], String(resource)).href;
}

/**
 * The RFC 9728 document of an MCP endpoint.
 *
 * @example
 * protectedResourceMetadata({ verifier, resource: 'https://h/mcp', authorizationServers: ['https://as'] }, []);
 */
export function protectedResourceMetadata(
  options: ResourceServerOptions,
  toolScopes: readonly string[],
): ProtectedResourceMetadata {
  const scopes = options.scopesSupported ?? [
    ...new Set([...(options.requiredScopes ?? []), ...toolScopes]),
  ];
  const metadata: ProtectedResourceMetadata = {
    resource: canonicalResource(options.resource),
    authorization_servers: options.authorizationServers,
    bearer_methods_supported: ['header'],
  };
  if (scopes.length) metadata.scopes_supported = scopes;
  if (options.resourceName) metadata.resource_name = options.resourceName;
  if (options.resourceDocumentation)
    metadata.resource_documentation = options.resourceDocumentation;
  return metadata;
}
