import type { Tool } from '@typemcp/protocol';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const ALLOWED_TYPES = new Set(['string', 'integer', 'boolean']);

/**
 * The `x-mcp-header` arguments of a tool (argument → header name), or `null` when a declaration
 * breaks the 2026-07-28 rules (non-empty token, case-insensitively unique, on a string, integer or
 * boolean property): such a tool must not be offered over Streamable HTTP.
 *
 * @example
 * toolParamHeaders(tool); // { region: 'Region' }
 */
export function toolParamHeaders(tool: Tool): Record<string, string> | null {
  const properties = (tool.inputSchema?.properties ?? {}) as Record<
    string,
    Record<string, unknown> | undefined
  >;
  const map: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [argument, schema] of Object.entries(properties)) {
    if (!schema || typeof schema !== 'object' || !('x-mcp-header' in schema)) continue;
    const header = schema['x-mcp-header'];
    if (typeof header !== 'string' || header === '' || !TOKEN.test(header)) return null;
    if (typeof schema.type !== 'string' || !ALLOWED_TYPES.has(schema.type)) return null;
    const key = header.toLowerCase();
    if (seen.has(key)) return null;
    seen.add(key);
    map[argument] = header;
  }
  return map;
}
