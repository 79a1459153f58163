/**
 * The parameters of a `WWW-Authenticate: Bearer` challenge MCP clients act on.
 *
 * @example
 * const { scope, resourceMetadata } = parseBearerChallenge(response.headers.get('www-authenticate')) ?? {};
 */
export interface BearerChallengeParams {
  error?: string;
  errorDescription?: string;
  scope?: string;
  resourceMetadata?: string;
}

/**
 * Reads the Bearer challenge of a `WWW-Authenticate` header (RFC 6750 §3, quoted or token values;
 * other schemes in the same header are skipped).
 *
 * @example
 * parseBearerChallenge('Bearer error="insufficient_scope", scope="mcp admin"'); // { error: 'insufficient_scope', scope: 'mcp admin' }
 */
export function parseBearerChallenge(header: string | null): BearerChallengeParams | undefined {
  if (!header) return undefined;
  const start = header.search(/(^|[\s,])Bearer(\s|$)/i);
  if (start < 0) return undefined;
  const rest = header.slice(start).replace(/^[\s,]*Bearer\s*/i, '');
  const params: Record<string, string> = {};
  const pattern = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))\s*(,|$)/y;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(rest))) {
    params[match[1].toLowerCase()] =
      match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
    if (pattern.lastIndex >= rest.length) break;
  }
  return {
    error: params.error,
    errorDescription: params.error_description,
    scope: params.scope,
    resourceMetadata: params.resource_metadata,
  };
}
