import { ErrorCode, McpError } from '@typemcp/protocol';
import type { JSONRPCRequest } from '@typemcp/protocol';
import type { HeaderReader } from '../nodeRequest';

const NAMED: Record<string, 'name' | 'uri'> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};
/** Methods whose Mcp-Name, when sent, names the task (io.modelcontextprotocol/tasks). */
const TASK_NAMED = new Set(['tasks/get', 'tasks/update', 'tasks/cancel']);
const SENTINEL = /^=\?base64\?(.*)\?=$/;

/** Decodes a header value that may use the `=?base64?…?=` sentinel. */
export function decodeHeaderValue(value: string): string | undefined {
  const m = SENTINEL.exec(value);
  if (!m) return value;
  if (m[1].length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(m[1])) return undefined; // strict base64
  try {
    const bytes = Uint8Array.from(atob(m[1]), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A body value as text for an error message. `String()` throws for an object whose `toString` is
 * not a function (`{"toString":null}` arrives in JSON bodies), so anything not a string is shown
 * as JSON.
 */
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return typeof value;
  }
}

/** `String(value)`, or `undefined` where String() throws. */
function asText(value: unknown): string | undefined {
  try {
    return String(value);
  } catch {
    return undefined;
  }
}

/**
 * Checks the 2026-07-28 request headers against the body: `MCP-Protocol-Version`, `Mcp-Method`,
 * and `Mcp-Name` for named methods. Throws -32020 (HeaderMismatch) naming the header.
 */
export function checkModernHeaders(
  headers: HeaderReader,
  request: JSONRPCRequest,
  metaVersion: unknown,
  paramHeaders?: Readonly<Record<string, string>>,
): void {
  const mismatch = (message: string) =>
    new McpError(ErrorCode.HeaderMismatch, `Header mismatch: ${message}`);
  const version = headers.get('mcp-protocol-version');
  if (version === null) throw mismatch('the MCP-Protocol-Version header is required');
  if (version !== metaVersion) {
    throw mismatch(
      `MCP-Protocol-Version header value '${version}' does not match _meta protocolVersion '${shown(metaVersion)}'`,
    );
  }
  const method = headers.get('mcp-method');
  if (method === null) throw mismatch('the Mcp-Method header is required');
  if (method !== request.method)
    throw mismatch(
      `Mcp-Method header value '${method}' does not match body method '${request.method}'`,
    );
  if (TASK_NAMED.has(request.method)) {
    const given = headers.get('mcp-name');
    if (given !== null && decodeHeaderValue(given) !== request.params?.taskId) {
      throw mismatch(
        `Mcp-Name header value '${given}' does not match body taskId '${shown(request.params?.taskId)}'`,
      );
    }
    return;
  }
  const field = NAMED[request.method];
  if (!field) return;
  const bodyValue = request.params?.[field];
  const raw = headers.get('mcp-name');
  if (raw === null) throw mismatch('the Mcp-Name header is required for ' + request.method);
  const decoded = decodeHeaderValue(raw);
  if (decoded === undefined) throw mismatch('the Mcp-Name header has an invalid base64 value');
  if (decoded !== bodyValue)
    throw mismatch(
      `Mcp-Name header value '${decoded}' does not match body value '${shown(bodyValue)}'`,
    );
  if (!paramHeaders || request.method !== 'tools/call') return;
  const args = (request.params?.arguments ?? {}) as Record<string, unknown>;
  for (const [argument, header] of Object.entries(paramHeaders)) {
    const value = args[argument];
    if (value === undefined || value === null) continue; // nothing to mirror, nothing expected
    const rawParam = headers.get(`mcp-param-${header}`);
    if (rawParam === null)
      throw mismatch(
        `the Mcp-Param-${header} header is required (argument "${argument}" is in the body)`,
      );
    const text = decodeHeaderValue(rawParam);
    if (text === undefined)
      throw mismatch(`the Mcp-Param-${header} header has an invalid base64 value`);
    const same = typeof value === 'number' ? Number(text) === value : asText(value) === text;
    if (!same)
      throw mismatch(
        `Mcp-Param-${header} header value '${text}' does not match body value '${shown(value)}'`,
      );
  }
}
