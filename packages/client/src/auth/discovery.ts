import type { AuthorizationServerMetadata, ProtectedResourceMetadata } from '@typemcp/protocol';
import { OAuthFlowError } from './OAuthFlowError';
import { readLimited } from './readLimited';

const MAX_DOCUMENT_BYTES = 256 * 1024;

/** GETs a JSON metadata document; undefined for 4xx (not there), an error otherwise. */
async function getJson(
  fetchImpl: typeof fetch,
  url: URL,
  protocolVersion: string,
): Promise<Record<string, unknown> | undefined> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json', 'mcp-protocol-version': protocolVersion },
    });
  } catch (error) {
    throw new OAuthFlowError(`Could not fetch ${url.href}: ${(error as Error).message}`);
  }
  if (response.status >= 400 && response.status < 500) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new OAuthFlowError(`${url.href} answered HTTP ${response.status}`);
  }
  const text = await readLimited(response, MAX_DOCUMENT_BYTES, url.href).catch((error: Error) => {
    throw new OAuthFlowError(error.message);
  });
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new OAuthFlowError(`${url.href} is not a JSON object`);
}

/**
 * The protected resource metadata (RFC 9728) of an MCP endpoint: from the challenge's
 * `resource_metadata`, else the path-inserted well-known URL, else the root one; undefined when
 * the server has none (a 2025-03-26 server). Its `resource` must be on the endpoint's origin (and,
 * when found by probing, cover its path).
 *
 * @example
 * const prm = await discoverProtectedResource(fetch, new URL('https://mcp.example.com/mcp'), undefined, '2025-11-25');
 */
export async function discoverProtectedResource(
  fetchImpl: typeof fetch,
  serverUrl: URL,
  hint: string | undefined,
  protocolVersion: string,
): Promise<ProtectedResourceMetadata | undefined> {
  const path = serverUrl.pathname.replace(/\/$/, '');
  const candidates = hint
    ? [new URL(hint, serverUrl)]
    : [
        ...(path ? [new URL(`/.well-known/oauth-protected-resource${path}`, serverUrl)] : []),
        new URL('/.well-known/oauth-protected-resource', serverUrl),
      ];
  for (const url of candidates) {
    const document = await getJson(fetchImpl, url, protocolVersion);
    if (!document) continue;
    const metadata = document as ProtectedResourceMetadata;
    if (typeof metadata.resource !== 'string')
      throw new OAuthFlowError(`${url.href} has no resource`);
    const resource = new URL(metadata.resource);
    // the server's own challenge may name the resource of its origin (an HTTP+SSE endpoint beside
    // /mcp); a metadata document found by probing must cover the endpoint's path
    const samePath = `${serverUrl.pathname}/`.startsWith(
      `${resource.pathname.replace(/\/$/, '')}/`,
    );
    const covers = resource.origin === serverUrl.origin && (hint !== undefined || samePath);
    if (!covers)
      throw new OAuthFlowError(
        `The protected resource metadata is for ${metadata.resource}, not ${serverUrl.href}`,
      );
    return metadata;
  }
  return undefined;
}

/**
 * The well-known URLs of an issuer's metadata, in the order MCP clients try them.
 *
 * @example
 * authorizationServerMetadataUrls('https://as.example.com/tenant1').map(String);
 * // ['https://as.example.com/.well-known/oauth-authorization-server/tenant1', …openid-configuration/tenant1, …/tenant1/.well-known/openid-configuration]
 */
export function authorizationServerMetadataUrls(issuer: string): URL[] {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/$/, '');
  if (!path)
    return [
      new URL('/.well-known/oauth-authorization-server', url),
      new URL('/.well-known/openid-configuration', url),
    ];
  return [
    new URL(`/.well-known/oauth-authorization-server${path}`, url),
    new URL(`/.well-known/openid-configuration${path}`, url),
    new URL(`${path}/.well-known/openid-configuration`, url),
  ];
}

/**
 * An authorization server's metadata (RFC 8414 or OpenID discovery), its `issuer` checked to be
 * exactly the one asked for. For a 2025-03-26 server (no protected resource metadata, no AS
 * metadata) the default endpoints at the server's origin are assumed.
 *
 * @example
 * const metadata = await discoverAuthorizationServer(fetch, 'https://as.example.com', '2025-11-25', false);
 */
export async function discoverAuthorizationServer(
  fetchImpl: typeof fetch,
  issuer: string,
  protocolVersion: string,
  legacyFallback: boolean,
): Promise<AuthorizationServerMetadata> {
  for (const url of authorizationServerMetadataUrls(issuer)) {
    const document = await getJson(fetchImpl, url, protocolVersion);
    if (!document) continue;
    const metadata = document as AuthorizationServerMetadata;
    if (metadata.issuer !== issuer && metadata.issuer !== issuer.replace(/\/$/, '')) {
      throw new OAuthFlowError(
        `The authorization server metadata names issuer ${String(metadata.issuer)}, not ${issuer}`,
      );
    }
    return metadata;
  }
  if (!legacyFallback)
    throw new OAuthFlowError(`No authorization server metadata found for ${issuer}`);
  const origin = new URL(issuer).origin;
  return {
    issuer: origin,
    authorization_endpoint: `${origin}/authorize`,
    token_endpoint: `${origin}/token`,
    registration_endpoint: `${origin}/register`,
  };
}
