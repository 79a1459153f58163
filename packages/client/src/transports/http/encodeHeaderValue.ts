const SENTINEL = /^=\?base64\?.*\?=$/;

/**
 * Encodes a value for an MCP HTTP header (`Mcp-Name`, `Mcp-Param-*`): visible ASCII passes as is;
 * anything else, or a literal that looks like the sentinel, becomes `=?base64?<UTF-8 base64>?=`.
 *
 * @example
 * encodeHeaderValue('café'); // '=?base64?Y2Fmw6k=?='
 */
export function encodeHeaderValue(value: string): string {
  const safe = /^[\x20-\x7e]*$/.test(value) && value.trim() === value && !SENTINEL.test(value);
  if (safe) return value;
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return `=?base64?${btoa(binary)}?=`;
}
